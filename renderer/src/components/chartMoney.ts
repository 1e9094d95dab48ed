/**
 * Money in charts. Charts plot numbers, so fen become yuan here — for
 * drawing only; every figure a user reads next to a chart comes from the fen
 * themselves. Axis ticks are short (12.5万); tooltips are exact (¥125,000.00).
 */
import { formatFen } from '../../../shared/money/format';

/** Yuan as a float, for a chart's value axis only. Never compute money with it. */
export const chartYuan = (fen: number): number => fen / 100;

/** The tooltip text of a plotted yuan value: back to fen, then the normal money format. */
export const tooltipMoney = (yuan: number): string => formatFen(Math.round(yuan * 100));

/** One decimal at most, none when it is .0 (3.5万, 7万). */
const short = (n: number): string => String(Math.round(n * 10) / 10);

/** Axis ticks: ¥ like every amount, then 万 / 亿 in Chinese, k / M in English (¥120万, ¥1.2M). */
export function axisMoney(yuan: number, locale: 'zh-CN' | 'en'): string {
  const text = axisNumber(yuan, locale);
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`;
}

function axisNumber(yuan: number, locale: 'zh-CN' | 'en'): string {
  const abs = Math.abs(yuan);
  if (locale === 'en') {
    if (abs >= 1e6) return `${short(yuan / 1e6)}M`;
    if (abs >= 1e3) return `${short(yuan / 1e3)}k`;
    return String(Math.round(yuan));
  }
  if (abs >= 1e8) return `${short(yuan / 1e8)}亿`;
  if (abs >= 1e4) return `${short(yuan / 1e4)}万`;
  return String(Math.round(yuan));
}
