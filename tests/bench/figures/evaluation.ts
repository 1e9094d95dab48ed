/**
 * Evaluation figures (issue 14 budgets, medians on the large data set the
 * ledger and alert figures build and cache):
 *  - the scorecard of every customer for the last 12 months (< 1 s),
 *  - one customer's card, the customer with the most documents (< 50 ms),
 *  - the salesperson table for the last 12 months (< 500 ms),
 *  and, for information, the 待回访 list and the scorecard as of a past date.
 * Timed on a copy of the cached database (opening it applies migration 0011).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ScorecardList } from '../../../shared/api/evaluation';
import { addDays } from '../../../shared/dates/calendar';
import { AppRuntime } from '../../../electron/api/runtime';
import { measure, type Figure } from '../harness';
import { largeLedgerDb } from './ledger';

const actor = { user: 'bench', device: 'bench' };

export async function evaluationFigures(): Promise<Figure[]> {
  const cached = await largeLedgerDb();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-bench-eval-'));
  const work = path.join(dir, 'evaluation.db');
  fs.copyFileSync(cached, work);
  const rt = await AppRuntime.start({ dbFile: work, actor });
  const figures: Figure[] = [];
  try {
    const sqlite = rt.database().sqlite;
    const busiest = sqlite.prepare(`SELECT customer_id AS id, doc_count AS n FROM ar_customer_state ORDER BY doc_count DESC LIMIT 1`).get() as { id: string; n: number };
    const list = await rt.invoke<ScorecardList>('evaluation.scorecards', {});
    const today = rt.clock.today();
    figures.push(await measure('evaluation.scorecards, all customers, 12 months', 7, () => rt.invoke('evaluation.scorecards', {}), `${list.rows.length} customers, ${list.from}..${list.to}`));
    figures.push(await measure('evaluation.card, busiest customer, 12 months', 15, () => rt.invoke('evaluation.card', { customerId: busiest.id }), `${busiest.n} documents`));
    figures.push(await measure('salespeople.performance, 12 months', 7, () => rt.invoke('salespeople.performance', {})));
    figures.push(await measure('visits.due, today', 7, () => rt.invoke('visits.due', {})));
    figures.push(await measure('evaluation.scorecards, 12 months to 90 days ago (past)', 3, () => rt.invoke('evaluation.scorecards', { to: addDays(today, -90) })));
  } finally {
    rt.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
