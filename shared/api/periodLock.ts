/**
 * The override of the confirmed-period lock (issue 8): once a customer has
 * confirmed a statement, ledger writes dated on or before its period end are
 * refused unless the clerk resends them with a reason. Kept apart from
 * ledger.ts so the ledger schemas only gain one optional field each.
 */
import { z } from 'zod';
import { requiredText } from '../schemas/fields';

export const lockOverrideField = z
  .object({ reason: requiredText('修改已确认期间的原因', 200) }, { error: '已确认期间的修改确认格式不正确' })
  .nullable()
  .default(null);

export type LockOverride = z.output<typeof lockOverrideField>;

/** `details` of the 'conflict' error a locked write is refused with (field 'date'). */
export interface PeriodLockRefusal {
  kind: 'period_locked';
  customerId: string;
  /** The latest confirmed statement covering the date. */
  statementId: string;
  statementNo: string;
  periodTo: string;
  confirmedOn: string;
  /** The date the write would have touched. */
  date: string;
}
