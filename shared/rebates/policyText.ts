/**
 * The tier list as clerks write it (import column 档位, the policy form):
 * `80%:1%;100%:2%;120%:3%` (attainment:rate) or `100%:¥5,000`
 * (attainment:fixed amount), and the rules every policy must satisfy.
 * Parsing never rounds: a value with too many decimals is refused.
 */
import { parseAmountToFen, parseScaledDecimal } from '../money/parseAmount';
import { formatFen } from '../money/format';
import { fail, ok, type ParseResult } from '../result';
import { PPM, type RebateMode, type RebateTier } from './calculate';

/** "80%", "2.5%", "80" -> ppm (800_000); up to 4 decimals of a percent. */
export function parsePercentPpm(text: string, label: string): ParseResult<number> {
  const body = text.trim().replace(/[%％]$/, '');
  const parsed = parseScaledDecimal(body, {
    label,
    decimals: 4,
    maxIntegerDigits: 5,
    allowNegative: false,
    allowZero: true,
    allowCurrency: false,
  });
  return parsed.ok ? ok(parsed.value) : parsed;
}

/** ppm -> "80%", "2.5%". */
export function formatPpmPercent(ppm: number): string {
  const whole = Math.trunc(ppm / 10_000);
  const frac = String(ppm % 10_000).padStart(4, '0').replace(/0+$/, '');
  return `${whole}${frac ? `.${frac}` : ''}%`;
}

export function parseTierText(text: string): ParseResult<RebateTier[]> {
  const parts = text
    .split(/[;；]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return fail('档位不能为空，格式如 80%:1%;100%:2%;120%:3%');
  const tiers: RebateTier[] = [];
  for (const part of parts) {
    const pair = part.split(/[:：]/);
    if (pair.length !== 2) return fail(`档位“${part}”格式不正确，应为 完成率:返利比例，如 100%:2% 或 100%:¥5,000`);
    const attainment = parsePercentPpm(pair[0], '档位完成率');
    if (!attainment.ok) return attainment;
    const value = pair[1].trim();
    if (/[%％]$/.test(value)) {
      const rate = parsePercentPpm(value, '返利比例');
      if (!rate.ok) return rate;
      tiers.push({ attainmentPpm: attainment.value, ratePpm: rate.value, amountFen: null });
    } else {
      const amount = parseAmountToFen(value, { label: '档位固定金额' });
      if (!amount.ok) return amount;
      tiers.push({ attainmentPpm: attainment.value, ratePpm: null, amountFen: amount.value });
    }
  }
  return ok(tiers);
}

export function formatTierText(tiers: readonly RebateTier[]): string {
  return tiers
    .map((t) => `${formatPpmPercent(t.attainmentPpm)}:${t.amountFen !== null ? formatFen(t.amountFen) : formatPpmPercent(t.ratePpm ?? 0)}`)
    .join(';');
}

/** The tier's payout as shown: "3%" or "¥5,000.00". */
export const tierPayoutText = (t: RebateTier): string => (t.amountFen !== null ? formatFen(t.amountFen) : formatPpmPercent(t.ratePpm ?? 0));

/** Every rule a policy must satisfy, as {field, message}; [] = valid. */
export function policyProblems(p: {
  mode: RebateMode;
  tiers: readonly RebateTier[];
  capFen: number | null;
  onTimeRatePpm: number | null;
}): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (p.tiers.length === 0) out.push({ field: 'tiers', message: '请至少设置一个返利档位' });
  p.tiers.forEach((t, i) => {
    const at = `第 ${i + 1} 档`;
    if (t.attainmentPpm <= 0) out.push({ field: 'tiers', message: `${at}的完成率必须大于 0%` });
    const prev = p.tiers[i - 1];
    if (prev && t.attainmentPpm <= prev.attainmentPpm) {
      out.push({
        field: 'tiers',
        message:
          t.attainmentPpm === prev.attainmentPpm
            ? `${at}与上一档的完成率都是 ${formatPpmPercent(t.attainmentPpm)}，档位重叠`
            : `档位顺序不正确：${at}的完成率 ${formatPpmPercent(t.attainmentPpm)} 应高于上一档的 ${formatPpmPercent(prev.attainmentPpm)}`,
      });
    }
    if ((t.ratePpm === null) === (t.amountFen === null)) out.push({ field: 'tiers', message: `${at}请填写返利比例或固定金额之一` });
    if (t.ratePpm !== null && t.ratePpm > PPM) out.push({ field: 'tiers', message: `${at}的返利比例 ${formatPpmPercent(t.ratePpm)} 超过 100%` });
    if (t.ratePpm !== null && t.ratePpm <= 0) out.push({ field: 'tiers', message: `${at}的返利比例必须大于 0%` });
    if (t.amountFen !== null && p.mode === 'banded') {
      out.push({ field: 'tiers', message: `${at}是固定金额：超额分段方式只能按比例返利，固定金额只用于全额累进` });
    }
  });
  if (p.capFen !== null && p.capFen <= 0) out.push({ field: 'capFen', message: '封顶金额必须大于 0' });
  if (p.onTimeRatePpm !== null && p.onTimeRatePpm > PPM) out.push({ field: 'onTimeRatePpm', message: '按期回款返利比例不能超过 100%' });
  if (p.onTimeRatePpm !== null && p.onTimeRatePpm <= 0) out.push({ field: 'onTimeRatePpm', message: '按期回款返利比例必须大于 0%' });
  return out;
}
