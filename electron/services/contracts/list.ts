/**
 * The contract list: search, filters, sorting and paging in SQL, so the first
 * page of 3,000 contracts reads one page of rows. The conditions are SQL
 * fragments over `k` (contracts) and `c` (customers) shared by the page, the
 * count and the export. A customer word is matched by the customer list's
 * own search condition (code, name, short name, pinyin initials, contacts).
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type {
  ContractDisplayStatus,
  ContractListRow,
  ContractSortColumn,
  ContractTotals,
  contractFilterSchema,
  contractListSchema,
} from '../../../shared/api/contracts';
import type { Page } from '../../../shared/api/customers';
import { addDays } from '../../../shared/dates/calendar';
import type { ServiceContext } from '../context';
import { customerConditions, searchWords, whereAll } from '../customers/search';
import { contractRowQuery, toListRow, type ContractRow } from './load';

export type ContractFilterInput = z.output<typeof contractFilterSchema>;
export type ContractListQuery = z.output<typeof contractListSchema>;
type Condition = RawBuilder<SqlBool>;

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
const contains = (column: string, word: string): Condition =>
  sql<SqlBool>`${sql.ref(column)} LIKE ${`%${escapeLike(word)}%`} ESCAPE '\\'`;

/** One display status as SQL: 'active' is in force and not past its end; 'expired' is active and past it. */
function displayStatusCondition(status: ContractDisplayStatus, today: string): Condition {
  switch (status) {
    case 'active':
      return sql<SqlBool>`(k.status = 'active' AND (k.ends_on IS NULL OR k.ends_on >= ${today}))`;
    case 'expired':
      return sql<SqlBool>`(k.status = 'active' AND k.ends_on < ${today})`;
    default:
      return sql<SqlBool>`k.status = ${status}`;
  }
}

export function contractConditions(f: ContractFilterInput, today: string): Condition[] {
  const conds: Condition[] = [];
  if (f.customerId !== null) conds.push(sql<SqlBool>`k.customer_id = ${f.customerId}`);
  if (f.status.length) {
    conds.push(sql<SqlBool>`(${sql.join(f.status.map((s) => displayStatusCondition(s, today)), sql` OR `)})`);
  }
  if (f.kind.length) conds.push(sql<SqlBool>`k.kind IN (${sql.join(f.kind)})`);
  if (f.salesperson) conds.push(sql<SqlBool>`c.salesperson = ${f.salesperson}`);
  if (f.signedFrom !== null) conds.push(sql<SqlBool>`k.signed_on >= ${f.signedFrom}`);
  if (f.signedTo !== null) conds.push(sql<SqlBool>`k.signed_on <= ${f.signedTo}`);
  if (f.endsWithinDays !== null) {
    // "About to expire" concerns contracts in force; one that already ended is 'expired', not ending.
    conds.push(
      sql<SqlBool>`(k.status = 'active' AND k.ends_on >= ${today} AND k.ends_on <= ${addDays(today, f.endsWithinDays)})`,
    );
  }
  for (const word of searchWords(f.search)) {
    const customerMatch = customerConditions({ search: word, includeArchived: true });
    conds.push(sql<SqlBool>`(${contains('k.contract_no', word)} OR ${contains('k.title', word)} OR ${whereAll(customerMatch)})`);
  }
  return conds;
}

/** ORDER BY terms per sortable column; missing values sort last in both directions. */
function orderTerms(column: ContractSortColumn, desc: boolean, today: string): RawBuilder<unknown>[] {
  const dir = desc ? sql`DESC` : sql`ASC`;
  const nullsLast = (col: string) => [sql`(${sql.ref(col)} IS NULL) ASC`, sql`${sql.ref(col)} ${dir}`];
  switch (column) {
    case 'contractNo':
      return [sql`k.contract_no COLLATE NOCASE ${dir}`];
    case 'customerCode':
      return [sql`c.code COLLATE NOCASE ${dir}`];
    case 'customerName':
      // Pinyin order, as the customer list sorts names.
      return [sql`c.sort_key ${dir}`, sql`c.name ${dir}`];
    case 'title':
      return [sql`(k.title = '') ASC`, sql`k.title ${dir}`];
    case 'kind':
      return [sql`(CASE k.kind WHEN 'sales' THEN 0 WHEN 'framework' THEN 1 ELSE 2 END) ${dir}`];
    case 'status':
      // The order of the lifecycle, with expired right after active.
      return [
        sql`(CASE k.status WHEN 'draft' THEN 0 WHEN 'active' THEN (CASE WHEN k.ends_on < ${today} THEN 2 ELSE 1 END)
              WHEN 'completed' THEN 3 ELSE 4 END) ${dir}`,
      ];
    case 'signedOn':
      return nullsLast('k.signed_on');
    case 'startsOn':
      return nullsLast('k.starts_on');
    case 'endsOn':
      return nullsLast('k.ends_on');
    case 'amountFen':
      return [sql`k.amount_fen ${dir}`];
    case 'createdAt':
      return [sql`k.created_at ${dir}`];
    case 'updatedAt':
      return [sql`k.updated_at ${dir}`];
  }
}

function orderBy(sort: ContractFilterInput['sort'], today: string): RawBuilder<unknown> {
  const terms = [...orderTerms(sort.column, sort.direction === 'desc', today), sql`k.contract_no COLLATE NOCASE ASC`, sql`k.id ASC`];
  return sql`${sql.join(terms)}`;
}

/** Matching rows in list order: one page, or all of them when limit is null (export, CLI). */
export function contractRowsInOrder(ctx: ServiceContext, filter: ContractFilterInput, offset = 0, limit: number | null = null): ContractRow[] {
  const today = ctx.clock.today();
  let q = contractRowQuery(ctx).where(whereAll(contractConditions(filter, today))).orderBy(orderBy(filter.sort, today));
  if (limit !== null) q = q.limit(limit).offset(offset);
  return ctx.db.all(q);
}

export function countContracts(ctx: ServiceContext, filter: ContractFilterInput): number {
  const today = ctx.clock.today();
  const row = ctx.db.first(
    sql<{ n: number }>`SELECT count(*) AS n FROM contracts k JOIN customers c ON c.id = k.customer_id
      WHERE ${whereAll(contractConditions(filter, today))}`.compile(ctx.db.k),
  );
  return row?.n ?? 0;
}

/** The footer of the list: how many contracts match and their summed amount. */
export function contractTotals(ctx: ServiceContext, filter: ContractFilterInput): ContractTotals {
  const today = ctx.clock.today();
  const row = ctx.db.first(
    sql<ContractTotals>`SELECT count(*) AS count, coalesce(sum(k.amount_fen), 0) AS amountFen
      FROM contracts k JOIN customers c ON c.id = k.customer_id
      WHERE ${whereAll(contractConditions(filter, today))}`.compile(ctx.db.k),
  );
  return row ?? { count: 0, amountFen: 0 };
}

export function listContracts(ctx: ServiceContext, q: ContractListQuery): Page<ContractListRow> {
  const today = ctx.clock.today();
  // One read transaction: the page and the total see the same data.
  return ctx.db.readSnapshot(() => ({
    rows: contractRowsInOrder(ctx, q, q.offset, q.limit).map((r) => toListRow(r, today)),
    total: countContracts(ctx, q),
  }));
}
