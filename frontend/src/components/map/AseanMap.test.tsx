import { Suspense } from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { renderAt } from '@/test/render';
import AseanMap from './AseanMap';
import { AseanMap as LazyAseanMap } from '.';

// The map and chart chunks are large for jsdom: allow a machine under load more than a second.
const slow = { timeout: 5000 };

const cities = [
  { slug: 'phayao', name: 'Phayao', lat: 19.17, lon: 99.9 },
  { slug: 'singapore', name: 'Singapore', lat: 1.29, lon: 103.85 },
  { slug: 'tokyo', name: 'Tokyo', lat: 35.68, lon: 139.69 },
  { slug: 'nowhere', name: 'Nowhere', lat: null, lon: null },
  { slug: 'half', name: 'Half', lat: 10, lon: null },
  { slug: 'cork', name: 'Cork', lat: 51.9, lon: -8.47 },
];

const mapOf = (name = 'Member cities') => within(screen.getByRole('group', { name }));

// jsdom has no layout, so contrast is left to the browser tests.
async function violations(container: HTMLElement) {
  const { violations: found } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
}

describe('AseanMap', () => {
  it('plots one link per city with coordinates in the frame, to its profile', async () => {
    const { container } = await renderAt(<AseanMap title="Member cities" cities={cities} />);
    const links = mapOf().getAllByRole('link');
    expect(links.map((a) => a.getAttribute('aria-label')).sort()).toEqual(['Phayao', 'Singapore', 'Tokyo']);
    expect(mapOf().getByRole('link', { name: 'Tokyo' })).toHaveAttribute('href', '/cities/tokyo');
    expect(container.querySelectorAll('circle.map-point')).toHaveLength(3);
  });

  it('says how many cities are plotted and why the others are not', async () => {
    await renderAt(<AseanMap title="Member cities" cities={cities} />);
    expect(screen.getByRole('group', { name: 'Member cities' })).toBeInTheDocument();
    expect(screen.getByText(/Cities on the map: 3\./)).toBeInTheDocument();
    expect(screen.getByText('No recorded coordinates, so not on the map: 2.')).toBeInTheDocument();
    expect(screen.getByText('Outside the area shown, so not on the map: 1.')).toBeInTheDocument();
    expect(screen.getByText(/Natural Earth/)).toBeInTheDocument();
  });

  it('places cities where they are: Tokyo east of Phayao, Singapore south of it', async () => {
    await renderAt(<AseanMap title="Member cities" cities={cities} />);
    const at = (name: string) => {
      const circle = mapOf().getByRole('link', { name }).querySelector('circle');
      return { x: Number(circle?.getAttribute('cx')), y: Number(circle?.getAttribute('cy')) };
    };
    expect(at('Tokyo').x).toBeGreaterThan(at('Phayao').x);
    expect(at('Singapore').y).toBeGreaterThan(at('Phayao').y);
  });

  it('lists the plotted cities as links, by name', async () => {
    await renderAt(<AseanMap title="Member cities" cities={cities} />);
    await userEvent.click(screen.getByText('Show the 3 cities on the map as a list'));
    const list = screen.getByRole('list');
    expect(within(list).getAllByRole('link').map((a) => a.textContent)).toEqual(['Phayao', 'Singapore', 'Tokyo']);
  });

  it('draws each city once, even when it is given twice', async () => {
    await renderAt(<AseanMap title="Members" cities={[cities[0]!, cities[0]!]} />);
    expect(mapOf('Members').getAllByRole('link')).toHaveLength(1);
  });

  it('speaks Thai', async () => {
    await renderAt(<AseanMap title="เมืองสมาชิก" cities={cities} />, { language: 'th' });
    expect(screen.getByText(/จำนวนเมืองบนแผนที่: 3/)).toBeInTheDocument();
    expect(screen.getByText(/ข้อมูลแผนที่: Natural Earth/)).toBeInTheDocument();
  });

  it('is also a lazy component of its own', async () => {
    await renderAt(
      <Suspense fallback={<p>waiting</p>}>
        <LazyAseanMap title="Lazy" cities={cities} />
      </Suspense>,
    );
    expect(await screen.findByRole('group', { name: 'Lazy' }, slow)).toBeInTheDocument();
  });

  it('passes the automated accessibility checks', async () => {
    const { container } = await renderAt(<AseanMap title="Member cities" cities={cities} />);
    expect(await violations(container)).toEqual([]);
  });
});
