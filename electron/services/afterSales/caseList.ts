/** The case register's list: filters by customer, status, type, owner, age and "past the promised date". */
import type { z } from 'zod';
import type { CaseList, caseListSchema } from '../../../shared/api/evaluation';
import { addDays } from '../../../shared/dates/calendar';
import type { ServiceContext } from '../context';
import { searchWords } from '../customers/search';
import { CASE_SELECT, caseFromRow, type CaseRow } from './cases';

export function listCases(ctx: ServiceContext, q: z.output<typeof caseListSchema>): CaseList {
  const asOf = q.asOf ?? ctx.clock.today();
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.customerId !== null) {
    where.push('k.customer_id = ?');
    params.push(q.customerId);
  }
  if (q.status.length > 0) {
    where.push(`k.status IN (${q.status.map(() => '?').join(', ')})`);
    params.push(...q.status);
  }
  if (q.type.length > 0) {
    where.push(`k.type IN (${q.type.map(() => '?').join(', ')})`);
    params.push(...q.type);
  }
  if (q.owner !== null) {
    where.push('k.owner = ?');
    params.push(q.owner);
  }
  if (q.minAgeDays !== null) {
    where.push('k.received_on <= ?');
    params.push(addDays(asOf, -q.minAgeDays));
  }
  if (q.overdueOnly) {
    where.push(`k.status IN ('open', 'in_progress') AND k.promised_on < ?`);
    params.push(asOf);
  }
  for (const w of searchWords(q.search)) {
    where.push(`(lower(k.case_no) LIKE ? OR lower(c.code) LIKE ? OR c.name LIKE ? OR c.pinyin LIKE ? OR k.description LIKE ?)`);
    const like = `%${w}%`;
    params.push(like, like, like, like, like);
  }
  const sql = `${CASE_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY k.received_on DESC, k.case_no DESC LIMIT 2000`;
  const rows = (ctx.db.prepare(sql).all(...params) as CaseRow[]).map((r) => caseFromRow(r, asOf));
  const owners = (ctx.db.prepare(`SELECT DISTINCT owner FROM after_sales_cases WHERE owner <> '' ORDER BY owner`).all() as { owner: string }[]).map((r) => r.owner);
  return { asOf, rows, owners };
}
