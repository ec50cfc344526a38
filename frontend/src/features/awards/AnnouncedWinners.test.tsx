import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAt } from '@/test/render';
import { AnnouncedWinners, recordedWinners, winnersShortfall } from './AnnouncedWinners';

const winner = { slug: 'cork', name: { en: 'Cork', th: null }, country: 'IE' };
const results = (n: number) => [{ category: 'award', winners: Array.from({ length: n }, (_, i) => ({ ...winner, slug: `city-${i}` })) }];

function show(cycle: Parameters<typeof AnnouncedWinners>[0]['cycle'], language = 'en') {
  return renderAt(
    <p data-testid="words">
      <AnnouncedWinners cycle={cycle} />
    </p>,
    { language },
  );
}

describe('AnnouncedWinners', () => {
  it('says none is recorded yet when winners were announced but none is recorded', async () => {
    await show({ announced_winners: 16, recorded_winners: 0, results: [] });
    expect(screen.getByTestId('words')).toHaveTextContent(/^16 winners announced; none recorded here yet$/);
  });

  it('says how many are recorded when fewer than announced', async () => {
    await show({ announced_winners: 16, recorded_winners: 3, results: results(3) });
    expect(screen.getByTestId('words')).toHaveTextContent(/^16 winners announced; 3 recorded here$/);
  });

  it('uses the singular for one announced winner', async () => {
    await show({ announced_winners: 1, recorded_winners: 0, results: [] });
    expect(screen.getByTestId('words')).toHaveTextContent(/^1 winner announced; none recorded here yet$/);
  });

  it('says nothing when all are recorded, nothing was announced, or the results are not published', async () => {
    await renderAt(
      <>
        <p data-testid="complete">
          <AnnouncedWinners cycle={{ announced_winners: 3, recorded_winners: 3, results: results(3) }} />
        </p>
        <p data-testid="unannounced">
          <AnnouncedWinners cycle={{ announced_winners: null, recorded_winners: 0, results: [] }} />
        </p>
        <p data-testid="unpublished">
          <AnnouncedWinners cycle={{ announced_winners: 16, recorded_winners: null, results: null }} />
        </p>
      </>,
    );
    expect(screen.getByTestId('complete')).toBeEmptyDOMElement();
    expect(screen.getByTestId('unannounced')).toBeEmptyDOMElement();
    expect(screen.getByTestId('unpublished')).toBeEmptyDOMElement();
  });

  it('speaks Thai', async () => {
    await show({ announced_winners: 16, recorded_winners: 3, results: results(3) }, 'th');
    expect(screen.getByTestId('words')).toHaveTextContent('ประกาศผู้ได้รับรางวัล 16 เมือง บันทึกไว้ที่นี่ 3 เมือง');
  });

  it('counts the winners in the results where the API gives no recorded_winners', () => {
    expect(recordedWinners({ recorded_winners: null, results: results(2) })).toBe(2);
    expect(recordedWinners({ recorded_winners: null, results: null })).toBeNull();
    expect(winnersShortfall({ announced_winners: 5, recorded_winners: undefined, results: results(2) })).toEqual({ announced: 5, recorded: 2 });
    expect(winnersShortfall({ announced_winners: 2, recorded_winners: undefined, results: results(2) })).toBeNull();
  });
});
