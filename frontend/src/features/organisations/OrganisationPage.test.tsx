import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { fakeApi, renderAt } from '@/test/render';
import OrganisationPage from './OrganisationPage';
import { countries, eef, nxpo, phayao, pmuA, unescoBangkok } from './fixtures';

const slow = { timeout: 5000 };
const route = '/organisations/:slug';

function api() {
  return fakeApi({
    'GET /api/v1/organisations/pmu-a': { body: pmuA },
    'GET /api/v1/organisations/eef': { body: eef },
    'GET /api/v1/organisations/unesco-bangkok': { body: unescoBangkok },
    'GET /api/v1/organisations/nxpo': { body: nxpo },
    'GET /api/v1/organisations/university-of-phayao': { body: phayao },
    'GET /api/v1/organisations/nope': {
      status: 404,
      body: { type: 'urn:x', title: 'Not Found', status: 404, detail: 'no organisation nope', code: 'not_found' },
    },
    'GET /api/v1/countries': { body: countries },
  });
}

function show(slug: string, language = 'en') {
  return renderAt(<OrganisationPage />, { path: `/organisations/${slug}`, route, language });
}

/** The section of the roles held in one kind of record, by its heading. */
function group(name: string) {
  const heading = screen.getByRole('heading', { level: 3, name });
  return within(heading.closest('section') as HTMLElement);
}

async function violations(container: HTMLElement) {
  const { violations: found } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
}

describe('OrganisationPage', () => {
  it('shows the facts, description and sources of the organisation', async () => {
    const requests = api();
    await show('pmu-a');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Program Management Unit for Area-Based Development' }, slow),
    ).toBeInTheDocument();
    const facts = within(screen.getAllByRole('definition')[0]!.closest('dl') as HTMLElement);
    expect(facts.getByText('Abbreviation').nextElementSibling).toHaveTextContent(/^PMU-A$/);
    expect(facts.getByText('Kind').nextElementSibling).toHaveTextContent(/^Government agency$/);
    expect(await facts.findByText('Thailand', undefined, slow)).toBeInTheDocument();
    expect(facts.getByText('Website').nextElementSibling).toHaveTextContent(/^Not recorded$/);
    expect(screen.getByText(/^Thai programme management unit for area-based development/)).toBeInTheDocument();
    const sources = screen.getByRole('list', { name: 'Sources of the record of Program Management Unit for Area-Based Development' });
    expect(sources).toHaveTextContent('Thailand Learning City Awards (31 October 2025) · Thailand Network of Learning Cities · published 31 October 2025');
    expect(within(sources).getByText('the Program Management Unit for Area-Based Development (PMU-A)').tagName).toBe('BLOCKQUOTE');
    expect(screen.getByRole('link', { name: 'All organisations' })).toHaveAttribute('href', '/organisations');
    expect(requests.some((r) => new URL(r.url).pathname === '/api/v1/organisations/pmu-a')).toBe(true);
  });

  it('groups the roles by what they are held in, each record once and linked to its page, roles translated with their years and sources', async () => {
    api();
    await show('pmu-a');
    await screen.findByRole('heading', { level: 2, name: 'Roles' }, slow);
    // Networks before award programmes; no group without roles.
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Networks', 'Award programmes']);

    const networks = group('Networks');
    const network = networks.getAllByRole('listitem').filter((li) => li.parentElement?.classList.contains('organisation-roles'));
    expect(network).toHaveLength(1);
    expect(networks.getByRole('link', { name: 'Thailand Network of Learning Cities' })).toHaveAttribute('href', '/networks/thailand-learning-cities');
    expect(networks.getByText('Partner')).toHaveClass('badge');
    expect(networks.getByText('Supporter')).toHaveClass('badge');
    expect(
      networks.getByRole('list', { name: 'Sources of the role Supporter in Thailand Network of Learning Cities' }),
    ).toHaveTextContent('UNESCO Bangkok (Multisectoral Regional Office in Bangkok)');

    const programmes = group('Award programmes');
    expect(programmes.getByRole('link', { name: 'Thailand Learning City Awards' })).toHaveAttribute('href', '/awards/thailand-learning-city-awards');
    expect(programmes.getByText('Organiser').parentElement).toHaveTextContent(/^Organiser since 2025$/);
    expect(programmes.getByRole('list', { name: 'Sources of the role Organiser in Thailand Learning City Awards' })).toBeInTheDocument();
  });

  it('names an initiative without a link (initiatives have no page yet)', async () => {
    api();
    await show('eef');
    await screen.findByRole('heading', { level: 2, name: 'Roles' }, slow);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Networks', 'Award programmes', 'Initiatives']);
    const initiatives = group('Initiatives');
    expect(initiatives.getByText('National Platform Learning City (EEF pilot areas)')).toBeInTheDocument();
    expect(initiatives.queryByRole('link')).not.toBeInTheDocument();
    expect(initiatives.getByText('Lead')).toBeInTheDocument();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });

  it('marks a role that is not verified with its reason and note, and links an event to its page, with its year', async () => {
    api();
    const { container } = await show('unesco-bangkok');
    await screen.findByRole('heading', { level: 2, name: 'Roles' }, slow);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Networks', 'Events']);
    const facts = within(screen.getAllByRole('definition')[0]!.closest('dl') as HTMLElement);
    expect(facts.getByText('Country').nextElementSibling).toHaveTextContent(/^International$/);
    expect(facts.getByRole('link', { name: 'https://www.unesco.org/en/fieldoffice/bangkok' })).toBeInTheDocument();

    const networks = group('Networks');
    expect(networks.getByRole('note')).toHaveTextContent(
      'Not verified: The source names "UNESCO Thailand", taken to be the Bangkok office.',
    );
    expect(networks.getByText('Named as "UNESCO Thailand" in the source.')).toBeInTheDocument();
    // Only the role is not verified: the organisation's own record is.
    expect(screen.getAllByRole('note')).toHaveLength(1);

    const events = group('Events');
    expect(events.getByText('ASEAN+3 Regional Learning Cities Conference')).toBeInTheDocument();
    expect(events.getByRole('link', { name: 'ASEAN+3 Regional Learning Cities Conference' })).toHaveAttribute(
      'href',
      '/events/asean-plus-3-learning-cities-conference-2024',
    );
    expect(events.getByText('Co-host').parentElement).toHaveTextContent(/^Co-host in 2024$/);
    expect(await violations(container)).toEqual([]);
  });

  it('shows the "not verified" note of the organisation with its reason, and says when no role is recorded', async () => {
    api();
    await show('nxpo');
    expect(await screen.findByText('No roles are recorded for this organisation.', undefined, slow)).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent(
      'Not verified: The English name and the abbreviation NXPO are not in the source documents the platform was specified from',
    );
    expect(screen.queryByRole('heading', { level: 3 })).not.toBeInTheDocument();
  });

  it('leaves out an abbreviation that is not recorded', async () => {
    api();
    await show('university-of-phayao');
    expect(await screen.findByRole('heading', { level: 1, name: 'University of Phayao' }, slow)).toBeInTheDocument();
    expect(screen.queryByText('Abbreviation')).not.toBeInTheDocument();
    expect(screen.getByText('Kind').nextElementSibling).toHaveTextContent(/^University$/);
  });

  it('speaks Thai: Thai names, abbreviations, kinds, roles and years', async () => {
    api();
    await show('pmu-a', 'th');
    expect(await screen.findByRole('heading', { level: 1, name: 'หน่วยบริหารและจัดการทุนด้านการพัฒนาระดับพื้นที่' }, slow)).toBeInTheDocument();
    expect(screen.getByText('ชื่อย่อ').nextElementSibling).toHaveTextContent(/^บพท\.$/);
    expect(screen.getByText('ประเภท').nextElementSibling).toHaveTextContent(/^หน่วยงานภาครัฐ$/);
    const programmes = group('โครงการรางวัล');
    expect(programmes.getByRole('link', { name: 'รางวัลเมืองแห่งการเรียนรู้ประเทศไทย' })).toBeInTheDocument();
    expect(programmes.getByText('ผู้จัด').parentElement).toHaveTextContent(/^ผู้จัด ตั้งแต่ ค\.ศ\. 2025$/);
    expect(group('เครือข่าย').getByText('ภาคีความร่วมมือ')).toBeInTheDocument();
  });

  it('shows a missing organisation as not found', async () => {
    api();
    await show('nope');
    expect(await screen.findByRole('alert', undefined, slow)).toHaveTextContent('Not found');
    expect(screen.getByRole('heading', { level: 1, name: 'Organisation' })).toBeInTheDocument();
  });
});
