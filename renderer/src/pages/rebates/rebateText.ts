/** How rebate figures read on screen: percentages, the tier, the gap to the next tier. */
import type { RebateProgressRow } from '../../../../shared/api/rebates';
import type { MessageKey } from '../../../../shared/i18n/translate';
import { formatFen } from '../../../../shared/money/format';
import { formatPpmPercent, tierPayoutText } from '../../../../shared/rebates/policyText';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Attainment to one decimal, truncated (99.96% never shows as 100.0%). */
export const attainmentText = (ppm: number): string => `${(Math.floor(ppm / 1_000) / 10).toFixed(1)}%`;

export function tierText(t: T, r: RebateProgressRow): string {
  if (r.tierIndex === null) return t('rebates.noTier');
  const tier = r.target.tiers[r.tierIndex];
  return `≥${formatPpmPercent(tier.attainmentPpm)} → ${tierPayoutText(tier)}`;
}

/** "再完成 ¥12,000.00 可达 3% 档" */
export function gapText(t: T, r: RebateProgressRow): string {
  if (r.next === null) return t('rebates.topTier');
  return t('rebates.gap', { amount: formatFen(r.next.gapFen), tier: r.next.payout });
}

export const periodText = (r: RebateProgressRow): string => `${r.target.periodFrom} ~ ${r.target.periodTo}`;

/** "第 2 行 乙系列阀门" for a product-line target; null for the whole contract. */
export const lineText = (t: T, r: RebateProgressRow): string | null =>
  r.target.contractLine ? t('rebates.line', { seq: r.target.contractLine.seq, description: r.target.contractLine.description }) : null;

export const STATUS_COLORS: Record<RebateProgressRow['status'], string> = {
  running: 'blue',
  due: 'orange',
  nothing: 'gray',
  settled: 'teal',
  difference: 'red',
};
