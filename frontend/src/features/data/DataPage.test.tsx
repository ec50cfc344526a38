import { configure, screen, within } from '@testing-library/react';
import { renderAt, fakeApi } from '@/test/render';
import DataPage from './DataPage';
import { downloadUrl } from './downloads';
import { coverage, datasets, frameworks, networks } from './fixtures';

// Generous waits: the suite also runs on loaded CI machines.
configure({ asyncUtilTimeout: 5000 });

function api() {
  return fakeApi({
    'GET /api/v1/datasets': { body: datasets },
    'GET /api/v1/networks': { body: networks },
    'GET /api/v1/frameworks': { body: frameworks },
    'GET /api/v1/stats/coverage': { body: coverage },
  });
}

const rowOf = (table: HTMLElement, name: RegExp | string) => {
  const row = within(table).getByRole('rowheader', { name }).closest('tr');
  if (!row) throw new Error(`no row ${String(name)}`);
  return within(row);
};

describe('DataPage', { timeout: 20000 }, () => {
  it('shows the data dictionary of each table: column, type and meaning', async () => {
    api();
    await renderAt(<DataPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Data and API' })).toBeInTheDocument();
    await screen.findByText('Download the dataset (zip)');
    const awards = screen.getByRole('table', { name: 'awards.csv Winners of published award cycles.' });
    const headers = within(awards).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Column', 'Type', 'Meaning']);
    expect(awards.closest('details')?.querySelector('summary')).toHaveTextContent(
      'awards.csv Winners of published award cycles. (6 columns)',
    );
    const columns = within(awards).getAllByRole('rowheader').map((h) => h.textContent);
    expect(columns).toEqual(['programme', 'year', 'category', 'city', 'country', 'source_url']);
    const year = rowOf(awards, 'year');
    expect(year.getByText('integer')).toBeInTheDocument();
    expect(year.getByText('whole number')).toBeInTheDocument();
    expect(year.getByText('Year of the cycle')).toHaveAttribute('lang', 'en');
    const criteria = screen.getByRole('table', { name: /^evaluation_criteria\.csv/ });
    expect(rowOf(criteria, 'verified').getByText('false: the wording is an unverified draft')).toBeInTheDocument();
    expect(
      screen.getByText('The compilation is published under CC BY 4.0; each source keeps its own licence (see attribution).'),
    ).toBeInTheDocument();
    expect(screen.getByText('Coordinates, populations and many Thai city names: GeoNames (geonames.org), CC BY 4.0.')).toBeInTheDocument();
  });

  it('links the zip, the CSV / NDJSON downloads of the lists and statistics, and the API documentation', async () => {
    api();
    await renderAt(<DataPage />);
    expect((await screen.findByText('Download the dataset (zip)')).closest('a')).toHaveAttribute(
      'href',
      '/api/v1/datasets/learning-cities/download',
    );
    await screen.findByText('Members of UNESCO Global Network of Learning Cities');
    await screen.findByText('Mean score per area: UNESCO Key Features of Learning Cities (KFLC)');
    const lists = screen.getByRole('table', { name: 'Downloads of the lists' });
    const cities = rowOf(lists, /^Learning cities/);
    expect(cities.getByRole('link', { name: 'CSV of Learning cities' })).toHaveAttribute('href', '/api/v1/cities?format=csv');
    expect(cities.getByRole('link', { name: 'CSV (Excel) of Learning cities' })).toHaveAttribute(
      'href',
      '/api/v1/cities?format=csv&bom=true',
    );
    expect(cities.getByRole('link', { name: 'NDJSON of Learning cities' })).toHaveAttribute('href', '/api/v1/cities?format=ndjson');
    expect(cities.getByRole('link', { name: 'JSON of Learning cities' })).toHaveAttribute('href', '/api/v1/cities');
    const members = within(lists).getByRole('link', { name: 'CSV of Members of UNESCO Global Network of Learning Cities' });
    expect(members).toHaveAttribute('href', '/api/v1/networks/unesco-gnlc/members?format=csv');
    expect(rowOf(lists, /^Award cycles/).getByRole('link', { name: /^NDJSON/ })).toHaveAttribute(
      'href',
      '/api/v1/award-cycles?format=ndjson',
    );
    const stats = screen.getByRole('table', { name: 'The statistics endpoints' });
    expect(rowOf(stats, /^Awards per programme/).getByRole('link', { name: /^CSV of/ })).toHaveAttribute(
      'href',
      '/api/v1/stats/awards?by=programme&format=csv',
    );
    const areas = within(stats).getByRole('link', {
      name: 'CSV (Excel) of Mean score per area: UNESCO Key Features of Learning Cities (KFLC)',
    });
    expect(areas).toHaveAttribute('href', '/api/v1/evaluation-stats/areas?framework=kflc-v1&format=csv&bom=true');
    expect(screen.getByRole('link', { name: 'Interactive API documentation (Swagger UI)' })).toHaveAttribute('href', '/api/docs/');
    expect(screen.getByRole('link', { name: 'The OpenAPI document (JSON), for generating clients' })).toHaveAttribute(
      'href',
      '/api/openapi.json',
    );
    expect(screen.getByRole('link', { name: 'The feed from the start (JSON)' })).toHaveAttribute('href', '/api/v1/changes?since=0');
    expect(screen.getByText('X-API-Key', { selector: 'code' }).closest('p')).toHaveTextContent(
      'and is sent in the X-API-Key header.',
    );
    expect(screen.getByText('format=csv&bom=true', { selector: 'code' })).toBeInTheDocument();
  });

  it('shows the coverage: what is recorded here, of what is reported, with its CSV', async () => {
    const requests = api();
    await renderAt(<DataPage />);
    const table = await screen.findByRole('table', { name: 'Coverage of the data' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'What is counted',
      'Recorded here',
      'Of',
      'Share',
      'Size reported',
    ]);
    const gnlc = rowOf(table, 'Members of UNESCO Global Network of Learning Cities recorded here');
    expect(gnlc.getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '128',
      '425',
      '30.1 %',
      'on 4 December 2025 (source of the reported size: Members of UNESCO Global Network of Learning Cities recorded here)',
    ]);
    expect(gnlc.getByRole('link', { name: /^source/ })).toHaveAttribute(
      'href',
      'https://www.uil.unesco.org/en/articles/gnlc-new-members-2025',
    );
    const thai = rowOf(table, 'Members of Thailand Network of Learning Cities recorded here');
    expect(thai.getAllByRole('cell').map((c) => c.textContent)).toEqual(['0', 'Not reported', 'Unknown', 'Not reported']);
    expect(rowOf(table, 'Cities with a Thai name').getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '150',
      '181',
      '82.9 %',
      'Not applicable',
    ]);
    expect(screen.getByRole('link', { name: 'Download the coverage as CSV' })).toHaveAttribute(
      'href',
      '/api/v1/stats/coverage?format=csv&bom=true',
    );
    expect(screen.getByRole('link', { name: 'Coverage' })).toHaveAttribute('href', '#coverage');
    const stats = screen.getByRole('table', { name: 'The statistics endpoints' });
    expect(rowOf(stats, /^Coverage/).getByRole('link', { name: /^NDJSON/ })).toHaveAttribute('href', '/api/v1/stats/coverage?format=ndjson');
    const lists = screen.getByRole('table', { name: 'Downloads of the lists' });
    expect(
      await within(lists).findByRole('link', { name: 'CSV of Reported sizes of UNESCO Global Network of Learning Cities' }),
    ).toHaveAttribute('href', '/api/v1/networks/unesco-gnlc/census?format=csv');
    expect(requests.some((r) => new URL(r.url).pathname === '/api/v1/stats/coverage')).toBe(true);
  });

  it('builds download URLs that keep a query', () => {
    expect(downloadUrl('/api/v1/stats/awards', 'csv-bom', { by: 'country' })).toBe('/api/v1/stats/awards?by=country&format=csv&bom=true');
    expect(downloadUrl('/api/v1/frameworks', 'json')).toBe('/api/v1/frameworks');
  });

  it('shows the problem when the dataset cannot be read', async () => {
    fakeApi({
      'GET /api/v1/datasets': {
        status: 429,
        body: { type: 'urn:x', title: 'Too Many Requests', status: 429, detail: 'slow down', code: 'too_many_requests' },
      },
      'GET /api/v1/networks': { body: networks },
      'GET /api/v1/frameworks': { body: frameworks },
      'GET /api/v1/stats/coverage': { body: coverage },
    });
    await renderAt(<DataPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts');
  });

  it('speaks Thai', async () => {
    api();
    await renderAt(<DataPage />, { language: 'th' });
    expect(screen.getByRole('heading', { level: 1, name: 'ข้อมูลและ API' })).toBeInTheDocument();
    await screen.findByText('ดาวน์โหลดชุดข้อมูล (zip)');
    const awards = screen.getByRole('table', { name: /^awards\.csv/ });
    expect(within(awards).getByRole('columnheader', { name: 'ความหมาย' })).toBeInTheDocument();
    expect(rowOf(awards, 'year').getByText('จำนวนเต็ม')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'ดาวน์โหลดชุดข้อมูล (zip)' })).toBeInTheDocument();
    await screen.findByText('สมาชิกของเครือข่ายเมืองแห่งการเรียนรู้ระดับโลกของยูเนสโก');
    expect(
      screen.getByRole('link', { name: 'CSV ของสมาชิกของเครือข่ายเมืองแห่งการเรียนรู้ระดับโลกของยูเนสโก' }),
    ).toHaveAttribute('href', '/api/v1/networks/unesco-gnlc/members?format=csv');
    expect(screen.getByRole('heading', { level: 2, name: 'คีย์ API' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'ความครอบคลุมของข้อมูล' });
    expect(
      rowOf(table, 'สมาชิกของเครือข่ายเมืองแห่งการเรียนรู้ระดับโลกของยูเนสโกที่บันทึกไว้ในแพลตฟอร์มนี้').getByText('30.1%'),
    ).toBeInTheDocument();
  });
});
