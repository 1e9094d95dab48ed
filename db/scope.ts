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
/** The tables that hold one customer's own rows (directly or through a contract), each row belonging to exactly one customer. */
export const PER_CUSTOMER_TABLES: readonly string[] = ['customers', ...BY_CUSTOMER, ...BY_CONTRACT];

/**
 * Tables mostly read one customer at a time (a contact, the last
 * interaction, for each of 500 rows of the collection list): as
 * "customer_id IN (subquery)" every such read built the salesperson's whole
 * customer list again (~0.15 ms each, 250 ms for the list). Joined from the
 * scope's customers instead, a read for one customer is one key lookup in
 * customers and one seek in the table's customer index, and a read of the
 * whole scope walks the salesperson's customers through that index. The
 * ledger tables keep the subquery: their reads span the scope, and the
 * planner's free choice of index serves those best.
 */
const READ_PER_CUSTOMER = new Set(['contacts', 'interactions']);

/** The salesperson's views: each table's rows filtered by the predicate. */
const filtered = (ids: string): RowsOf => ({
  byCustomer: (t) =>
    READ_PER_CUSTOMER.has(t) ? `SELECT t.* FROM (${ids}) AS sc CROSS JOIN main.${t} AS t ON t.customer_id = sc.id` : `SELECT * FROM main.${t} WHERE customer_id IN (${ids})`,
  byContract: (t) => `SELECT * FROM main.${t} WHERE contract_id IN (SELECT id FROM main.contracts WHERE customer_id IN (${ids}))`,
});

/** Shadows the tables for one scoped call; returns the function that removes the views again. */
export function applyCustomerScope(db: Db, salesperson: string): () => void {
  return shadowCustomers(db, scopedCustomerIds(salesperson));
}

/**
 * The same shadowing for a list of customers named by id: the alerts
 * recompute only the customers a write touched through it (alerts/viewCache.ts),
 * with the same tables shadowed as for a salesperson. Each view walks the named
 * customers' rows through the table's customer index (the CROSS JOIN fixes
 * that order, and the large tables name their customer index): left to
 * itself, the planner read one customer's open contract invoices by scanning
 * every invoice (580 ms on the large set). Like a scoped
 * call, the caller must remove the views before anything else runs.
 */
export function applyCustomerIds(db: Db, customerIds: readonly string[]): () => void {
  const unique = [...new Set(customerIds)];
  const ids = unique.length === 0 ? 'NULL' : unique.map((id) => `'${id.replace(/'/g, "''")}'`).join(', ');
  const named = `json_each('${JSON.stringify(unique).replace(/'/g, "''")}') AS named`;
  return shadowCustomers(db, ids, {
    byCustomer: (t) => `SELECT t.* FROM ${named} CROSS JOIN main.${t} AS t${CUSTOMER_INDEX[t] ? ` INDEXED BY ${CUSTOMER_INDEX[t]}` : ''} ON t.customer_id = named.value`,
    byContract: (t) => `SELECT t.* FROM ${named} CROSS JOIN main.contracts AS k ON k.customer_id = named.value CROSS JOIN main.${t} AS t ON t.contract_id = k.id`,
  });
}

/**
 * The customer index of the large tables, named: the fixed join order alone
 * did not stop the planner from preferring an equality on another column
 * (kind = 'invoice' through ar_documents_kind_no reads every invoice).
 */
const CUSTOMER_INDEX: Partial<Record<string, string>> = {
  ar_documents: 'ar_documents_customer_replay',
  ar_allocations: 'ar_allocations_customer',
};

interface RowsOf {
  byCustomer: (table: string) => string;
  byContract: (table: string) => string;
}

function shadowCustomers(db: Db, ids: string, rowsOf: RowsOf = filtered(ids)): () => void {
  const sqlite = db.sqlite;
  const views = [
    `CREATE TEMP VIEW customers AS SELECT * FROM main.customers WHERE id IN (${ids})`,
    ...BY_CUSTOMER.map((t) => `CREATE TEMP VIEW ${t} AS ${rowsOf.byCustomer(t)}`),
    ...BY_CONTRACT.map((t) => `CREATE TEMP VIEW ${t} AS ${rowsOf.byContract(t)}`),
    DAY_TOTALS_VIEW(ids),
    // Issue 12: a customer merge names two customers; both must be in the scope.
    `CREATE TEMP VIEW customer_merges AS SELECT * FROM main.customer_merges WHERE from_customer_id IN (${ids}) AND into_customer_id IN (${ids})`,
  ];
  sqlite.exec(views.join(';\n'));
  db.scoped = true;
  return () => removeShadows(db);
}

/** Drops whichever shadowing views are in place (none: nothing happens). */
export function removeShadows(db: Db): void {
  db.scoped = false;
  db.sqlite.exec(SCOPED_TABLES.map((t) => `DROP VIEW IF EXISTS temp.${t}`).join(';\n'));
}

/** Whether one customer is inside the scope (the same predicate, for writes the salesperson may make). */
export function customerInScope(sqlite: Sqlite, salesperson: string, customerId: string): boolean {
  return sqlite.prepare(`SELECT 1 FROM main.customers WHERE id = ? AND id IN (${scopedCustomerIds(salesperson)})`).get(customerId) !== undefined;
}
