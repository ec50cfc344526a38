import { configure, screen, within } from '@testing-library/react';
import { renderAt, fakeApi } from '@/test/render';
import AwardsPage from './AwardsPage';
import { demo, page, thailand, unesco } from './fixtures';

// Generous waits: the suite also runs on loaded CI machines.
configure({ asyncUtilTimeout: 5000 });

const cardOf = (name: string) => {
  const card = screen.getByRole('link', { name }).closest('li');
  if (!card) throw new Error(`no card for ${name}`);
  return within(card);
};

describe('AwardsPage', { timeout: 20000 }, () => {
  it('lists the programmes by their API names, linked to their pages, with organisers and cycle years', async () => {
    fakeApi({ 'GET /api/v1/award-programmes': { body: page([demo, thailand, unesco]) } });
    await renderAt(<AwardsPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Awards' })).toBeInTheDocument();
    const link = await screen.findByRole('link', { name: 'UNESCO Learning City Award' });
    expect(link).toHaveAttribute('href', '/awards/unesco-learning-city-award');
    expect(screen.getByRole('link', { name: 'DEMO Learning City Award (synthetic data, not a real award)' })).toHaveAttribute(
      'href',
      '/awards/demo-learning-city-award',
    );
    const card = cardOf('UNESCO Learning City Award');
    expect(card.getByText('UNESCO Institute for Lifelong Learning (UIL)')).toBeInTheDocument();
    expect(card.getByText('2024, 2021')).toBeInTheDocument();
    expect(cardOf('Thailand Learning City Awards').getByText('University of Phayao')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Pages' })).not.toBeInTheDocument();
  });

  it('speaks Thai', async () => {
    fakeApi({ 'GET /api/v1/award-programmes': { body: page([thailand]) } });
    await renderAt(<AwardsPage />, { language: 'th' });
    expect(screen.getByRole('heading', { level: 1, name: 'รางวัล' })).toBeInTheDocument();
    await screen.findByRole('link', { name: 'รางวัลเมืองแห่งการเรียนรู้ประเทศไทย' });
    const card = cardOf('รางวัลเมืองแห่งการเรียนรู้ประเทศไทย');
    expect(card.getByText('สำนักเลขานุการ')).toBeInTheDocument();
    expect(card.getByText('มหาวิทยาลัยพะเยา')).toBeInTheDocument();
  });

  it('shows the problem when the list fails', async () => {
    fakeApi({
      'GET /api/v1/award-programmes': {
        status: 503,
        body: { type: 'urn:x', title: 'Service Unavailable', status: 503, detail: 'db down', code: 'database_unavailable' },
      },
    });
    await renderAt(<AwardsPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The database is not available right now');
  });
});
