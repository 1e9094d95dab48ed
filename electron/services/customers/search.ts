/**
 * The customer list: one search box, filters, sorting and paging, all in SQL
 * so that showing the first 50 of 5,000 customers reads 50 rows' details,
 * not 5,000. The filter conditions are plain SQL fragments over `c`
 * (customers) so the page query, the count, the export and the calendar share
 * them exactly.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type {
  CustomerGrade,
  CustomerKind,
  CustomerListRow,
  CustomerPage,
  CustomerSortColumn,
  CustomerStatus,
  customerFilterSchema,
  customerListSchema,
} from '../../../shared/api/customers';
import type { CustomerLayer } from '../../../shared/evaluation/enums';
import { toHalfWidth } from '../../../shared/text/normalize';
import type { ServiceContext } from '../context';
import { looksLikeInitials } from './pinyinInitials';
import { parseTags } from './rows';

export type CustomerFilterInput = z.output<typeof customerFilterSchema>;
export type CustomerListQuery = z.output<typeof customerListSchema>;
type Condition = RawBuilder<SqlBool>;

/** More words than this are ignored: nobody types six words into a search box on purpose. */
const MAX_WORDS = 5;

/** The search text as words: half-width, lower case, split on spaces (each word must match somewhere). */
export function searchWords(search: string): string[] {
  return toHalfWidth(search).toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
const contains = (column: RawBuilder<unknown>, word: string): Condition =>
  sql<SqlBool>`${column} LIKE ${`%${escapeLike(word)}%`} ESCAPE '\\'`;

/**
 * One word matches a customer when it occurs in the code, name or short
 * name; or inside any pinyin-initials variant (so both prefix and substring:
 * `bjhd`, `hd`); or in a contact's name; or, when it looks like a phone
 * number, in a contact's mobile or phone with the dashes and spaces ignored.
 */
function wordCondition(word: string): Condition {
  const parts: Condition[] = [
    contains(sql.ref('c.code'), word),
    contains(sql.ref('c.name'), word),
    contains(sql.ref('c.short_name'), word),
  ];
  if (looksLikeInitials(word)) parts.push(contains(sql.ref('c.pinyin'), word));
  const contactParts: Condition[] = [contains(sql.ref('ct.name'), word)];
  const digits = word.replace(/[\s()+-]/g, '');
  if (/^\d{3,}$/.test(digits)) {
    contactParts.push(contains(sql.ref('ct.mobile'), digits));
    contactParts.push(contains(sql`replace(replace(replace(replace(ct.phone, '-', ''), ' ', ''), '(', ''), ')', '')`, digits));
  }
  parts.push(sql<SqlBool>`EXISTS (SELECT 1 FROM contacts ct WHERE ct.customer_id = c.id AND (${sql.join(contactParts, sql` OR `)}))`);
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

const inList = (column: string, values: readonly string[]): Condition =>
  sql<SqlBool>`${sql.ref(column)} IN (${sql.join(values)})`;

export interface FilterParts {
  search?: string;
  grade?: readonly CustomerGrade[];
  layer?: readonly CustomerLayer[];
  kind?: readonly CustomerKind[];
  status?: readonly CustomerStatus[];
  region?: string;
  salesperson?: string;
  tag?: string;
  includeArchived?: boolean;
  archivedOnly?: boolean;
}

export function customerConditions(f: FilterParts): Condition[] {
  const conds: Condition[] = [];
  if (f.archivedOnly) conds.push(sql<SqlBool>`c.archived_at IS NOT NULL`);
  else if (!f.includeArchived) conds.push(sql<SqlBool>`c.archived_at IS NULL`);
  if (f.grade?.length) conds.push(inList('c.grade', f.grade));
  if (f.layer?.length) conds.push(inList('c.layer', f.layer));
  if (f.kind?.length) conds.push(inList('c.kind', f.kind));
  if (f.status?.length) conds.push(inList('c.status', f.status));
  if (f.region) conds.push(sql<SqlBool>`c.region = ${f.region}`);
  if (f.salesperson) conds.push(sql<SqlBool>`c.salesperson = ${f.salesperson}`);
  if (f.tag) conds.push(sql<SqlBool>`EXISTS (SELECT 1 FROM json_each(c.tags) WHERE json_each.value = ${f.tag})`);
  for (const word of searchWords(f.search ?? '')) conds.push(wordCondition(word));
  return conds;
}

export const whereAll = (conds: readonly Condition[]): Condition =>
  conds.length ? sql<SqlBool>`${sql.join(conds, sql` AND `)}` : sql<SqlBool>`1`;

const LAST_INTERACTION = sql`(SELECT max(i.date) FROM interactions i WHERE i.customer_id = c.id)`;
/** The stored balance (maintained on every ledger write), 0 for a customer without documents. */
const BALANCE = sql`coalesce((SELECT s.balance_fen FROM ar_customer_state s WHERE s.customer_id = c.id), 0)`;
/** Open amounts due before `today`: the same figure as the card's (customerSummary) and 今日催收's, off the partial index of open items. */
const overdueOf = (today: string) =>
  sql`coalesce((SELECT sum(d.open_fen) FROM ar_documents d WHERE d.customer_id = c.id AND d.open_fen > 0 AND d.due_on < ${today}), 0)`;

/** ORDER BY terms per sortable column; empty and missing values sort last in both directions. */
function orderTerms(column: CustomerSortColumn, desc: boolean, today: string): RawBuilder<unknown>[] {
  const dir = desc ? sql`DESC` : sql`ASC`;
  const blankLast = (expr: RawBuilder<unknown>, blank: RawBuilder<unknown>) => [sql`${blank} ASC`, sql`${expr} ${dir}`];
  switch (column) {
    case 'code':
      return [sql`c.code COLLATE NOCASE ${dir}`];
    case 'name':
      // Pinyin order (北京 before 上海), as a Chinese reader expects; the name itself breaks ties between homophones.
      return [sql`c.sort_key ${dir}`, sql`c.name ${dir}`];
    case 'shortName':
      return blankLast(sql`c.short_name`, sql`(c.short_name = '')`);
    case 'region':
      return blankLast(sql`c.region`, sql`(c.region = '')`);
    case 'salesperson':
      return blankLast(sql`c.salesperson`, sql`(c.salesperson = '')`);
    case 'kind':
      return blankLast(sql`c.kind`, sql`(c.kind IS NULL)`);
    case 'grade':
      return blankLast(sql`c.grade`, sql`(c.grade IS NULL)`);
    case 'status':
      // Active, paused, closed: the order of the lifecycle, not of the English words.
      return [sql`(CASE c.status WHEN 'active' THEN 0 WHEN 'paused' THEN 1 ELSE 2 END) ${dir}`];
    case 'creditLimitFen':
      return blankLast(sql`c.credit_limit_fen`, sql`(c.credit_limit_fen IS NULL)`);
    case 'paymentTermDays':
      return blankLast(sql`c.payment_term_days`, sql`(c.payment_term_days IS NULL)`);
    case 'lastInteractionDate':
      return blankLast(LAST_INTERACTION, sql`(${LAST_INTERACTION} IS NULL)`);
    case 'createdAt':
      return [sql`c.created_at ${dir}`];
    case 'updatedAt':
      return [sql`c.updated_at ${dir}`];
    case 'balanceFen':
      return [sql`${BALANCE} ${dir}`];
    case 'overdueFen':
      return [sql`${overdueOf(today)} ${dir}`];
  }
}

/**
 * How well a customer answers a typed search, 0 best: an exact code, name,
 * short name or pinyin-initials variant (xx → 新星) beats a prefix of one,
 * which beats a match somewhere inside. Every picker's Enter takes the first
 * row, so the customer the clerk spelled out must be that row whatever the
 * sort. Ranked on the first word; further words only narrow the list.
 */
export function searchRank(search: string | undefined): RawBuilder<unknown> | null {
  const word = searchWords(search ?? '')[0];
  if (!word) return null;
  const like = escapeLike(word);
  const pinyin = looksLikeInitials(word);
  const exactInitials = pinyin ? sql`(' ' || c.pinyin || ' ') LIKE ${`% ${like} %`} ESCAPE '\\'` : sql`0`;
  const prefixInitials = pinyin ? sql`(' ' || c.pinyin) LIKE ${`% ${like}%`} ESCAPE '\\'` : sql`0`;
  const prefix = (column: RawBuilder<unknown>) => sql`lower(${column}) LIKE ${`${like}%`} ESCAPE '\\'`;
  return sql`(CASE
    WHEN lower(c.code) = ${word} OR lower(c.short_name) = ${word} OR lower(c.name) = ${word} OR ${exactInitials} THEN 0
    WHEN ${prefix(sql.ref('c.code'))} OR ${prefix(sql.ref('c.short_name'))} OR ${prefix(sql.ref('c.name'))} OR ${prefixInitials} THEN 1
    ELSE 2 END)`;
}

export function customerOrderBy(sort: CustomerFilterInput['sort'], search: string | undefined, today: string): RawBuilder<unknown> {
  const rank = searchRank(search);
  const terms = [
    ...(rank ? [sql`${rank} ASC`] : []),
    ...orderTerms(sort.column, sort.direction === 'desc', today),
    sql`c.code COLLATE NOCASE ASC`,
    sql`c.id ASC`,
  ];
  return sql`${sql.join(terms)}`;
}

interface ListRow {
  id: string;
  code: string;
  name: string;
  short_name: string;
  kind: string | null;
  grade: string | null;
  layer: string | null;
  region: string;
  salesperson: string;
  status: string;
  credit_limit_fen: number | null;
  payment_term_days: number | null;
  tags: string;
  archived_at: string | null;
  updated_at: string;
  contact_name: string | null;
  contact_mobile: string | null;
  contact_phone: string | null;
  last_interaction_date: string | null;
  balance_fen: number;
  overdue_fen: number;
}

function toListRow(r: ListRow): CustomerListRow {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind as CustomerKind | null,
    grade: r.grade as CustomerGrade | null,
    layer: r.layer as CustomerLayer | null,
    region: r.region,
    salesperson: r.salesperson,
    status: r.status as CustomerStatus,
    creditLimitFen: r.credit_limit_fen,
    paymentTermDays: r.payment_term_days,
    tags: parseTags(r.tags),
    archivedAt: r.archived_at,
    primaryContact: r.contact_name === null ? null : { name: r.contact_name, mobile: r.contact_mobile ?? '', phone: r.contact_phone ?? '' },
    lastInteractionDate: r.last_interaction_date,
    updatedAt: r.updated_at,
    balanceFen: r.balance_fen,
    overdueFen: r.overdue_fen,
  };
}

export function countCustomers(ctx: ServiceContext, filter: FilterParts): number {
  const row = ctx.db.first(sql<{ n: number }>`SELECT count(*) AS n FROM customers c WHERE ${whereAll(customerConditions(filter))}`.compile(ctx.db.k));
  return row?.n ?? 0;
}

/**
 * Ids of the matching customers in list order, one page (or all when
 * `limit` is null). Only ids: the sort runs over the narrowest rows.
 */
export function customerIdsInOrder(ctx: ServiceContext, filter: CustomerFilterInput, offset = 0, limit: number | null = null): string[] {
  const page = limit === null ? sql`` : sql`LIMIT ${limit} OFFSET ${offset}`;
  return ctx.db
    .all(
      sql<{ id: string }>`SELECT c.id FROM customers c WHERE ${whereAll(customerConditions(filter))}
        ORDER BY ${customerOrderBy(filter.sort, filter.search, ctx.clock.today())} ${page}`.compile(ctx.db.k),
    )
    .map((r) => r.id);
}

/** List rows for the given ids, in the given order. */
export function customerListRows(ctx: ServiceContext, ids: readonly string[]): CustomerListRow[] {
  if (ids.length === 0) return [];
  const rows = ctx.db.all(
    sql<ListRow>`SELECT c.id, c.code, c.name, c.short_name, c.kind, c.grade, c.layer, c.region, c.salesperson, c.status,
        c.credit_limit_fen, c.payment_term_days, c.tags, c.archived_at, c.updated_at,
        pc.name AS contact_name, pc.mobile AS contact_mobile, pc.phone AS contact_phone,
        ${LAST_INTERACTION} AS last_interaction_date,
        ${BALANCE} AS balance_fen, ${overdueOf(ctx.clock.today())} AS overdue_fen
      FROM customers c LEFT JOIN contacts pc ON pc.customer_id = c.id AND pc.is_primary = 1
      WHERE c.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.compile(ctx.db.k),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toListRow(r)] : [];
  });
}

/**
 * The totals row: balance and overdue of every matching customer. Balances
 * come from the stored state; overdue sums the open items past due through
 * the partial index of open documents, so 5,000 customers stay cheap.
 */
export function customerTotals(ctx: ServiceContext, filter: FilterParts): CustomerPage['totals'] {
  return totalsOf(ctx, sql`SELECT c.id FROM customers c WHERE ${whereAll(customerConditions(filter))}`);
}

/** Totals over the customers `matching` (a query of ids) selects. */
function totalsOf(ctx: ServiceContext, matching: RawBuilder<unknown>): CustomerPage['totals'] {
  const row = ctx.db.first(
    sql<{ balance: number; overdue: number }>`SELECT
        coalesce((SELECT sum(s.balance_fen) FROM ar_customer_state s WHERE s.customer_id IN (${matching})), 0) AS balance,
        coalesce((SELECT sum(d.open_fen) FROM ar_documents d WHERE d.open_fen > 0 AND d.due_on < ${ctx.clock.today()}
          AND d.customer_id IN (${matching})), 0) AS overdue`.compile(ctx.db.k),
  );
  return { balanceFen: row?.balance ?? 0, overdueFen: row?.overdue ?? 0 };
}

export function listCustomers(ctx: ServiceContext, q: CustomerListQuery): CustomerPage {
  // One read transaction: the count and the page see the same data even if another PC writes in between.
  return ctx.db.readSnapshot(() => {
    if (searchWords(q.search).length === 0) {
      // Without a search the page reads its 50 rows off the sort's index; count and totals are cheap scans.
      return {
        rows: customerListRows(ctx, customerIdsInOrder(ctx, q, q.offset, q.limit)),
        total: countCustomers(ctx, q),
        totals: customerTotals(ctx, q),
      };
    }
    // A search is matched once (LIKEs over every customer and its contacts): all matching ids in
    // order, then the page, the count and the totals from that list, instead of matching 4 times.
    const ids = customerIdsInOrder(ctx, q);
    return {
      rows: customerListRows(ctx, ids.slice(q.offset, q.offset + q.limit)),
      total: ids.length,
      totals: totalsOf(ctx, sql`SELECT value FROM json_each(${JSON.stringify(ids)})`),
    };
  });
}
