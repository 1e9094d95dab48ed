/** The status a contract is shown with, derived from the stored one and today. */
import type { ContractDisplayStatus, ContractStatus } from '../api/contractEnums';
import { diffDays } from '../dates/calendar';

/** An active contract is expired from the day after its end date (the end date itself is still in force). */
export function contractDisplayStatus(status: ContractStatus, endsOn: string | null, today: string): ContractDisplayStatus {
  return status === 'active' && endsOn !== null && endsOn < today ? 'expired' : status;
}

/** Days from today to the end date: 0 = ends today, negative = ended that many days ago; null without an end date. */
export const daysToEnd = (endsOn: string | null, today: string): number | null => (endsOn === null ? null : diffDays(endsOn, today));
