import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { storeTokens } from '@/auth/session';
import { fakeApi, renderAt } from '@/test/render';
import EditorArea from './EditorArea';
import { city, cycle, editor, equity, nomination, page, programme } from './fixtures';

type Routes = Parameters<typeof fakeApi>[0];

/** The reads every page of the area may make, for Phayao's editor. */
function api(more: Routes = {}, nominations = [nomination()]) {
  return fakeApi({
    'GET /api/v1/me': { body: editor },
    'GET /api/v1/cities/phayao': { body: city },
    'GET /api/v1/award-cycles': { body: page([cycle]) },
    'GET /api/v1/award-cycles/8': { body: cycle },
    'GET /api/v1/award-programmes': { body: page([programme]) },
    'GET /api/v1/award-programmes/thailand-learning-city-awards': { body: programme },
    'GET /api/v1/award-categories/tlca-2027-equity': { body: equity },
    'GET /api/v1/nominations': { body: page(nominations) },
    ...more,
  });
}

/** Patience for answers on a busy machine. */
const wait = { timeout: 5000 };

const open = (path: string, language = 'en') => renderAt(<EditorArea />, { path, route: '/my-city/*', language });

async function fillNomination() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('textbox', { name: 'Statement' }, wait));
  await user.paste('Learning centres in all nine districts.');
  await user.click(screen.getByRole('textbox', { name: 'Evidence links' }));
  await user.paste('https://phayao.example/centres\n\nhttps://phayao.example/report');
  await user.click(screen.getByRole('button', { name: 'Submit the nomination' }));
}

describe('the city editor area', { timeout: 20_000 }, () => {
  beforeEach(() => {
    storeTokens({ access_token: 'token', refresh_token: 'refresh', expires_in: 900 });
  });

  it('shows the city with a link to its public profile', async () => {
    api();
    await open('/my-city');
    expect(await screen.findByRole('heading', { level: 1, name: 'My city: Phayao' }, wait)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Public profile of Phayao' })).toHaveAttribute('href', '/cities/phayao');
    expect(screen.getByRole('link', { name: 'Edit the city profile' })).toHaveAttribute('href', '/my-city/edit');
    expect(await screen.findByText('Nominations of your city: 1', undefined, wait)).toBeInTheDocument();
  });

  it('nominates the city with the statement and the evidence links, then lists it', async () => {
    const requests = api({
      'POST /api/v1/nominations': { status: 201, body: nomination({ id: 42, category: 'tlca-2027-equity' }) },
    });
    await open('/my-city/nominations/new?category=tlca-2027-equity');
    expect(await screen.findByRole('heading', { level: 1, name: 'Nominate Phayao' }, wait)).toBeInTheDocument();
    expect(await screen.findByText('Learning City for Equity', undefined, wait)).toBeInTheDocument();
    expect(screen.getByText('Only cities in Thailand.')).toBeInTheDocument();
    await fillNomination();
    expect(await screen.findByText('Your nomination is submitted.', undefined, wait)).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.url).toMatch(/\/api\/v1\/nominations$/);
    expect(await post?.json()).toEqual({
      category: 'tlca-2027-equity',
      city: 'phayao',
      statement: 'Learning centres in all nine districts.',
      evidence_links: ['https://phayao.example/centres', 'https://phayao.example/report'],
    });
  });

  it('shows a not_eligible refusal with the rules the city fails', async () => {
    api({
      'POST /api/v1/nominations': {
        status: 422,
        body: {
          code: 'not_eligible',
          title: 'Not eligible',
          status: 422,
          detail: 'the city has not been an active member of unesco-gnlc for more than 12 months',
        },
      },
    });
    await open('/my-city/nominations/new?category=tlca-2027-equity');
    await fillNomination();
    const alert = await screen.findByRole('alert', undefined, wait);
    expect(alert).toHaveTextContent('Phayao is not eligible for this award.');
    expect(alert).toHaveTextContent('the city has not been an active member of unesco-gnlc for more than 12 months');
    expect(screen.queryByText('Your nomination is submitted.')).not.toBeInTheDocument();
  });

  it('shows the field errors of the evidence links by their position', async () => {
    api({
      'POST /api/v1/nominations': {
        status: 422,
        body: {
          code: 'validation_failed',
          title: 'Validation failed',
          status: 422,
          detail: 'invalid fields',
          errors: [{ field: 'evidence_links[1]', message: 'must be an http(s) URL' }],
        },
      },
    });
    await open('/my-city/nominations/new?category=tlca-2027-equity');
    await fillNomination();
    expect(await screen.findByText('Link 2: must be an http(s) URL', undefined, wait)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Evidence links' })).toHaveAttribute('aria-invalid', 'true');
  });

  it('lists the open categories and the nominations, and withdraws after confirming', async () => {
    const requests = api({
      'POST /api/v1/nominations/41/withdraw': { body: nomination({ status: 'withdrawn' }) },
    });
    await open('/my-city/nominations');
    expect(await screen.findByRole('heading', { level: 3, name: 'Thailand Learning City Awards 2027' }, wait)).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Nominate Phayao for Learning City for Equity' }, wait)).toHaveAttribute(
      'href',
      '/my-city/nominations/new?category=tlca-2027-equity',
    );
    expect(screen.getByText('Already nominated (status: Submitted)')).toBeInTheDocument();
    const row = (await screen.findByRole('rowheader', { name: /Learning City for Economy/ }, wait)).closest('tr') as HTMLElement;
    expect(within(row).getByText('Submitted', { selector: '.badge' })).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(within(row).getByRole('button', { name: 'Withdraw' }));
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    await user.click(within(row).getByRole('button', { name: 'Yes, withdraw' }));
    expect(await screen.findByText('The nomination is withdrawn.', undefined, wait)).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST')?.url).toMatch(/\/api\/v1\/nominations\/41\/withdraw$/);
  });

  it('shows decisions as the API returns them, without a withdraw button', async () => {
    api({}, [nomination({ status: 'winner' })]);
    await open('/my-city/nominations', 'th');
    const row = (await screen.findByRole('rowheader', { name: /Learning City for Economy/ }, wait)).closest('tr') as HTMLElement;
    expect(within(row).getByText('ได้รับรางวัล')).toBeInTheDocument();
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
  });

  it('edits the city with the shared city form, loaded with the city', async () => {
    api({
      'GET /api/v1/countries': { body: page([]) },
      'GET /api/v1/provinces': { body: page([]) },
    });
    await open('/my-city/edit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Edit Phayao' }, wait)).toBeInTheDocument();
    expect(await screen.findByDisplayValue('พะเยา', undefined, wait)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Edit the profile' })).toHaveAttribute('aria-current', 'page');
  });

  it('tells an editor without a city to ask the secretariat', async () => {
    fakeApi({ 'GET /api/v1/me': { body: { ...editor, city: null } } });
    await open('/my-city');
    expect(await screen.findByText('No city is linked to your account', undefined, wait)).toBeInTheDocument();
  });
});
