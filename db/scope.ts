/**
 * The salesperson scope (issue 13 point 2): ONE predicate, applied under
 * every read rather than in each query. While a scoped user's call runs, the
 * customer-bearing tables are shadowed by TEMP views of the same names that
 * keep only the rows of that salesperson's customers (SQLite resolves an
 * unqualified name to the temp schema first). Every service query — lists,
 * search, ledger, aging, alerts, dashboard, statements, exports, attachments,
 * the CLI — therefore reads through the predicate without knowing it, and a
 * query added later cannot forget it (ERPNext's and Odoo's report leaks came
 * from per-report filters). Customers without a salesperson are not visible.
 */
import type { Db, Sqlite } from './query';

/** The predicate itself: the customers a salesperson may see. */
export const scopedCustomerIds = (salesperson: string): string =>
  `SELECT id FROM main.customers WHERE salesperson = '${salesperson.replace(/'/g, "''")}' AND salesperson <> ''`;

/** Tables holding customer rows directly, and those reached through a contract. */
const BY_CUSTOMER = [
  'contacts',
  'interactions',
  'contracts',
  'ar_documents',
  'ar_explicit_targets',
  'ar_allocations',
  'ar_customer_state',
  'ar_open_spans',
  'ar_void_window_spans',
  'ar_void_window_inputs',
  'statements',
  'after_sales_cases',
  'after_sales_events',
  'rebate_settlements',
] as const;
const BY_CONTRACT = ['contract_lines', 'contract_installments', 'contract_attachments', 'rebate_targets'] as const;
/**
 * Office-wide per-day totals (issue 17's dashboard figures) would show the
 * whole office's sales to a salesperson: under the scope they are summed from
 * the scoped documents instead (same columns, the same rule as migration 0014_b).
 */
const DAY_TOTALS_VIEW = (ids: string) => `CREATE TEMP VIEW ar_day_totals AS
  SELECT doc_date, SUM(CASE WHEN side = 'debit' THEN amount_fen ELSE -amount_fen END) AS net_fen,
    coalesce(SUM(CASE WHEN kind = 'invoice' THEN amount_fen END), 0) AS invoiced_fen,
    coalesce(SUM(CASE WHEN kind = 'receipt' THEN amount_fen END), 0) AS received_fen, count(*) AS doc_count
  FROM main.ar_documents WHERE customer_id IN (${ids}) GROUP BY doc_date`;
export const SCOPED_TABLES: readonly string[] = ['customers', ...BY_CUSTOMER, ...BY_CONTRACT, 'ar_day_totals', 'customer_merges'];

/** Shadows the tables for one scoped call; returns the function that removes the views again. */
export function applyCustomerScope(db: Db, salesperson: string): () => void {
  const sqlite = db.sqlite;
  const ids = scopedCustomerIds(salesperson);
  const views = [
    `CREATE TEMP VIEW customers AS SELECT * FROM main.customers WHERE id IN (${ids})`,
    ...BY_CUSTOMER.map((t) => `CREATE TEMP VIEW ${t} AS SELECT * FROM main.${t} WHERE customer_id IN (${ids})`),
    ...BY_CONTRACT.map((t) => `CREATE TEMP VIEW ${t} AS SELECT * FROM main.${t} WHERE contract_id IN (SELECT id FROM main.contracts WHERE customer_id IN (${ids}))`),
    DAY_TOTALS_VIEW(ids),
    // Issue 12: a customer merge names two customers; both must be in the scope.
    `CREATE TEMP VIEW customer_merges AS SELECT * FROM main.customer_merges WHERE from_customer_id IN (${ids}) AND into_customer_id IN (${ids})`,
  ];
  sqlite.exec(views.join(';\n'));
  db.scoped = true;
  return () => {
    db.scoped = false;
    sqlite.exec(SCOPED_TABLES.map((t) => `DROP VIEW IF EXISTS temp.${t}`).join(';\n'));
  };
}

/** Whether one customer is inside the scope (the same predicate, for writes the salesperson may make). */
export function customerInScope(sqlite: Sqlite, salesperson: string, customerId: string): boolean {
  return sqlite.prepare(`SELECT 1 FROM main.customers WHERE id = ? AND id IN (${scopedCustomerIds(salesperson)})`).get(customerId) !== undefined;
}
