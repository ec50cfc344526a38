import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAt } from '@/test/render';
import { MemberCount } from './MemberCount';

const report = { members: 425, countries: 95, as_of: '2025-12-04', source_url: 'https://www.uil.unesco.org/en/articles/gnlc-new-members-2025' };

function show(network: Parameters<typeof MemberCount>[0]['network'], language = 'en') {
  return renderAt(
    <p data-testid="count">
      <MemberCount network={network} />
    </p>,
    { language },
  );
}

describe('MemberCount', () => {
  it('says what the count counts without a reported size: only the members recorded here', async () => {
    await show({ member_count: 128, reported: null });
    expect(screen.getByTestId('count')).toHaveTextContent(/^128 members recorded here$/);
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('uses the singular for one member', async () => {
    await show({ member_count: 1, reported: null });
    expect(screen.getByTestId('count')).toHaveTextContent(/^1 member recorded here$/);
  });

  it('with a reported size: how many of them are recorded here, and who reported how many when, linked', async () => {
    await show({ member_count: 128, reported: report });
    expect(screen.getByTestId('count')).toHaveTextContent(
      /^128 of 425 members recorded here \(30 %\); its organisers reported 425 in 95 countries on 4 December 2025 \(source of the report\)$/,
    );
    expect(screen.getByRole('link', { name: 'source of the report' })).toHaveAttribute('href', report.source_url);
  });

  it('gives a small share with a decimal, and a report without countries or a link as it is', async () => {
    await show({ member_count: 12, reported: { ...report, members: 1234, countries: null, source_url: null } });
    expect(screen.getByTestId('count')).toHaveTextContent(
      /^12 of 1,234 members recorded here \(1 %\); its organisers reported 1,234 on 4 December 2025$/,
    );
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('with only countries reported, keeps the members recorded here apart', async () => {
    await show({ member_count: 128, reported: { ...report, members: null } });
    expect(screen.getByTestId('count')).toHaveTextContent(
      /^128 members recorded here; its organisers reported members in 95 countries on 4 December 2025/,
    );
  });

  it('speaks Thai, with and without a reported size', async () => {
    await show({ member_count: 128, reported: report }, 'th');
    expect(screen.getByTestId('count')).toHaveTextContent(
      'บันทึกไว้ในแพลตฟอร์มนี้ 128 จาก 425 เมือง (30%); ผู้ดำเนินงานเครือข่ายรายงานว่ามีสมาชิก 425 เมืองใน 95 ประเทศ ณ วันที่ 4 ธันวาคม 2025 (แหล่งที่มาของรายงาน)',
    );
  });

  it('speaks Thai without a reported size', async () => {
    await show({ member_count: 128, reported: null }, 'th');
    expect(screen.getByTestId('count')).toHaveTextContent(/^บันทึกไว้ในแพลตฟอร์มนี้ 128 เมือง$/);
  });
});
