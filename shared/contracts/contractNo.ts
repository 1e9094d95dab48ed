/**
 * Contract numbers: HT<yyyymm>-<seq>, the month of the signing date and a
 * sequence within that month, four digits (more once a month passes 9999).
 * Clerks may type any other number (one carried over from an older system);
 * only numbers of this form take part in the sequence.
 */
import { monthKey } from '../dates/calendar';

export const CONTRACT_NO_PREFIX = 'HT';

/** "HT202611-" for a date in November 2026. */
export const contractNoMonthPrefix = (date: string): string => `${CONTRACT_NO_PREFIX}${monthKey(date)}-`;

export const formatContractNo = (monthPrefix: string, seq: number): string => `${monthPrefix}${String(seq).padStart(4, '0')}`;

/** The sequence of a number in this month's series, or null when it is not one (HT202611-0007 -> 7). */
export function contractNoSeq(contractNo: string, monthPrefix: string): number | null {
  if (contractNo.slice(0, monthPrefix.length).toUpperCase() !== monthPrefix.toUpperCase()) return null;
  const rest = contractNo.slice(monthPrefix.length);
  return /^\d{1,9}$/.test(rest) ? Number(rest) : null;
}
