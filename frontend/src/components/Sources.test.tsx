import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { provenance, source } from '@/test/provenance';
import { renderAt } from '@/test/render';
import { Sources } from './Sources';

const linked = source({
  url: 'https://www.uil.unesco.org/en/articles/gnlc-new-members-2025',
  title: 'UNESCO welcomes new learning cities',
  publisher: 'UNESCO Institute for Lifelong Learning',
  published_on: '2025-12-04',
});
const untitled = source({ url: 'https://www.phayaocity.go.th/news/42', title: null, publisher: null, published_on: null, accessed_on: '2026-01-15' });
const offline = source({
  url: null,
  title: 'Terms of reference of the Thailand Network of Learning Cities',
  publisher: 'University of Phayao',
  published_on: null,
  accessed_on: null,
  excerpt: 'The University of Phayao serves as the secretariat of the network.',
});

async function violations(container: HTMLElement) {
  const { violations: found } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
}

describe('Sources', () => {
  it('lists each source: a link named by its title or host, publisher and date muted, an excerpt quoted where there is no link', async () => {
    const { container } = await renderAt(<Sources record={provenance({ sources: [linked, untitled, offline] })} />);
    const list = screen.getByRole('list', { name: 'Sources' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(within(items[0]!).getByRole('link', { name: 'UNESCO welcomes new learning cities' })).toHaveAttribute('href', linked.url);
    expect(items[0]).toHaveTextContent('UNESCO welcomes new learning cities · UNESCO Institute for Lifelong Learning · published 4 December 2025');
    expect(within(items[0]!).getByText(/UNESCO Institute for Lifelong Learning/)).toHaveClass('muted');
    expect(within(items[1]!).getByRole('link', { name: 'phayaocity.go.th' })).toHaveAttribute('href', untitled.url);
    expect(items[1]).toHaveTextContent('phayaocity.go.th · read 15 January 2026');
    expect(within(items[2]!).queryByRole('link')).not.toBeInTheDocument();
    expect(within(items[2]!).getByText('Terms of reference of the Thailand Network of Learning Cities').tagName).toBe('CITE');
    expect(within(items[2]!).getByText('The University of Phayao serves as the secretariat of the network.').tagName).toBe('BLOCKQUOTE');
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
    expect(await violations(container)).toEqual([]);
  });

  it('names the list after its record when told, and never links anything but http(s)', async () => {
    await renderAt(
      <Sources
        record={provenance({ sources: [source({ url: 'javascript:alert(1)', title: 'Bad link', excerpt: 'Quoted.' })] })}
        label="Sources of the record of Phayao"
      />,
    );
    const list = screen.getByRole('list', { name: 'Sources of the record of Phayao' });
    expect(within(list).queryByRole('link')).not.toBeInTheDocument();
    expect(within(list).getByText('Bad link')).toBeInTheDocument();
  });

  it('shows a record that is not verified with its reason, and says when no source is recorded', async () => {
    await renderAt(<Sources record={provenance({ verified: false, unverified_reason: 'Reconstructed from a news report.' })} />);
    expect(screen.getByRole('note')).toHaveTextContent('Not verified: Reconstructed from a news report.');
    expect(screen.getByText('No source is recorded.')).toBeInTheDocument();
  });

  it('says "Not verified" without a reason, and stands in the older source_url where there are no sources', async () => {
    await renderAt(<Sources record={provenance({ verified: false })} fallbackUrl="https://example.org/membership" />);
    expect(screen.getByRole('note')).toHaveTextContent(/^Not verified$/);
    expect(screen.getByRole('link', { name: 'example.org' })).toHaveAttribute('href', 'https://example.org/membership');
  });

  it('is compact in a table row: one "Source" link per source, numbered when there are several', async () => {
    const { container } = await renderAt(
      <Sources record={provenance({ sources: [linked, offline], verified: false, unverified_reason: 'Figures differ.' })} label="Sources of the membership of Cork" compact />,
    );
    const list = screen.getByRole('list', { name: 'Sources of the membership of Cork' });
    expect(within(list).getByRole('link', { name: 'Source 1' })).toHaveAttribute('href', linked.url);
    expect(within(list).getByRole('link', { name: 'Source 1' })).toHaveAttribute('title', 'UNESCO welcomes new learning cities');
    expect(list).toHaveTextContent('Source 2: Terms of reference of the Thailand Network of Learning Cities');
    expect(screen.getByText('Not verified: Figures differ.')).toBeInTheDocument();
    expect(await violations(container)).toEqual([]);
  });

  it('is compact without sources: "No source"', async () => {
    await renderAt(<Sources record={provenance()} compact />);
    expect(screen.getByText('No source')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('speaks Thai', async () => {
    await renderAt(
      <Sources record={provenance({ sources: [linked], verified: false, unverified_reason: 'ตัวเลขไม่ตรงกัน' })} />,
      { language: 'th' },
    );
    expect(screen.getByRole('list', { name: 'แหล่งที่มา' })).toHaveTextContent('เผยแพร่เมื่อ 4 ธันวาคม 2025');
    expect(screen.getByRole('note')).toHaveTextContent('ยังไม่ได้ตรวจสอบ: ตัวเลขไม่ตรงกัน');
  });
});
