/** The evaluation period: from..to inclusive, to = the as-of date (default today), from = 12 months before by default. */
import { addDays, addMonths, diffDays } from '../../../shared/dates/calendar';
import type { ServiceContext } from '../context';

export interface Period {
  from: string;
  to: string;
  /** to − from + 1. */
  days: number;
  /** The previous period of the same length, ending the day before from. */
  previousFrom: string;
}

export function resolvePeriod(ctx: ServiceContext, input: { from: string | null; to: string | null }): Period {
  const to = input.to ?? ctx.clock.today();
  const from = input.from ?? addDays(addMonths(to, -12), 1);
  const days = diffDays(to, from) + 1;
  return { from, to, days, previousFrom: addDays(from, -days) };
}
