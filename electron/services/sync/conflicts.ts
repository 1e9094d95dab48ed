/**
 * Sync conflicts (issue 12, point 4): what last-writer-wins cannot keep,
 * found after the merge and never by refusing to apply.
 *
 * The list is DERIVED from the synced data alone (no conflict table, no
 * arrival order, no device clock), so two PCs holding the same rows show the
 * same conflicts with the same keys; resolving one (a rename, a merge, an
 * acknowledgement) is an ordinary synced write, so it disappears everywhere.
 *
 * - duplicate_void: one document voided on two PCs. Both voids stay; the
 *   first by (void date, id) counts, every later one is neutralised by a
 *   system void of the void (neutraliseExtraVoids) that every PC derives
 *   identically, so the ledger shows it with no effect on any balance and
 *   the §4 replay (which ignores voids of voids) keeps the first.
 * - duplicate_customer_code / _name / _tax_id, duplicate_contract_no,
 *   duplicate_doc_no (typed numbers per kind): both rows kept and flagged;
 *   resolved by renaming one (or, for customers, merging one into the other).
 * - confirmed_period_changed: a document from another PC landed inside a
 *   period the customer had already confirmed; the statement is marked
 *   affected (markAffectedStatements, a synced field) and this is shown.
 * - credit_limit_passed: invoices entered on two PCs together took the
 *   customer past the credit limit without anyone having accepted it.
 */
import { createHash } from 'node:crypto';
import { isWorse } from '../../../shared/alerts/worse';
import { SYNC_CONFLICT_KINDS, type SyncConflictItem, type SyncConflictKind, type SyncConflictRowView } from '../../../shared/api/sync';
import { watchWrites, type WatchedTable } from '../../../db/writeWatch';
import { loadAcks } from '../alerts/acks';
import type { ServiceContext } from '../context';

/** Rows in id order within a value (for a double void: the void that counts first). */
export type SyncConflictRow = SyncConflictRowView;
export type SyncConflict = Omit<SyncConflictItem, 'alertKey'>;

interface DupRow {
  v: string;
  id: string;
  label: string;
  customer_id: string;
}

/** Groups rows sharing a value (already sorted by value, id) into conflicts. */
function groups(kind: SyncConflictKind, table: SyncConflictRow['table'], rows: DupRow[], keyOf: (v: string) => string = (v) => v): SyncConflict[] {
  const byValue = new Map<string, DupRow[]>();
  for (const r of rows) {
    const k = keyOf(r.v);
    byValue.set(k, [...(byValue.get(k) ?? []), r]);
  }
  const out: SyncConflict[] = [];
  for (const [k, list] of byValue) {
    if (list.length < 2) continue;
    out.push({
      key: `${kind}:${k}`,
      kind,
      value: list[0].v,
      rows: list.map((r) => ({ table, id: r.id, label: r.label, customerId: r.customer_id })),
      customerId: list[0].customer_id,
      amountFen: null,
    });
  }
  return out;
}

const CUSTOMER_LABEL = `c.code || ' ' || c.name`;
/**
 * Duplicate customers look alike: their label also says on which PC and when each was entered
 * (the synced audit row of its creation), so the clerk can tell which one to keep.
 */
const DUP_CUSTOMER_LABEL = `${CUSTOMER_LABEL} || coalesce('（' || (SELECT a.device || ' ' || replace(substr(a.at, 1, 16), 'T', ' ')
    FROM audit_log a WHERE a.entity = 'customer' AND a.entity_id = c.id ORDER BY a.at, a.id LIMIT 1) || '）', '')`;

/** Voids of one original beyond the first by (doc_date, id); the ones still needing neutralisation when not yet voided. */
const EXTRA_VOIDS_SQL = `SELECT v.id, v.voids_id, v.customer_id, v.doc_no, v.doc_date, v.side, v.amount_fen, v.created_at,
    (SELECT f.doc_no FROM main.ar_documents f WHERE f.voids_id = v.voids_id AND (f.doc_date, f.id) < (v.doc_date, v.id)
       ORDER BY f.doc_date, f.id LIMIT 1) AS first_no,
    o.doc_no AS original_no, o.kind AS original_kind
  FROM main.ar_documents v JOIN main.ar_documents o ON o.id = v.voids_id
  WHERE v.kind = 'void' AND o.kind <> 'void'
    AND EXISTS (SELECT 1 FROM main.ar_documents f WHERE f.voids_id = v.voids_id AND (f.doc_date, f.id) < (v.doc_date, v.id))
  ORDER BY v.voids_id, v.doc_date, v.id`;

interface ExtraVoid {
  id: string;
  voids_id: string;
  customer_id: string;
  doc_no: string;
  doc_date: string;
  side: string;
  amount_fen: number;
  created_at: string;
  first_no: string;
  original_no: string;
  original_kind: string;
}

/** Marker of the system voids that neutralise an extra void, and of statements marked by sync. */
export const NEUTRALISED_BY = 'sync';
export const SYNC_AFFECTED_PREFIX = '同步：';

/** The extra voids of every original, or (with `originals`) of those originals only. */
function extraVoids(ctx: ServiceContext, originals?: readonly string[]): ExtraVoid[] {
  if (originals === undefined) return ctx.db.prepare(EXTRA_VOIDS_SQL).all() as ExtraVoid[];
  const one = ctx.db.prepare(EXTRA_VOIDS_SQL.replace('ORDER BY v.voids_id', 'AND v.voids_id = ? ORDER BY v.voids_id'));
  return originals.flatMap((o) => one.all(o) as ExtraVoid[]);
}

function voidConflicts(ctx: ServiceContext, extras: readonly ExtraVoid[]): SyncConflict[] {
  const byOriginal = new Map<string, ExtraVoid[]>();
  for (const e of extras) byOriginal.set(e.voids_id, [...(byOriginal.get(e.voids_id) ?? []), e]);
  const out: SyncConflict[] = [];
  for (const [original, list] of byOriginal) {
    const first = ctx.db
      .prepare(`SELECT id, doc_no, customer_id FROM main.ar_documents WHERE voids_id = ? ORDER BY doc_date, id LIMIT 1`)
      .get(original) as { id: string; doc_no: string; customer_id: string };
    out.push({
      key: `duplicate_void:${original}`,
      kind: 'duplicate_void',
      value: list[0].original_no,
      rows: [first, ...list].map((r) => ({ table: 'ar_documents', id: r.id, label: r.doc_no, customerId: r.customer_id })),
      customerId: first.customer_id,
      amountFen: list[0].amount_fen,
    });
  }
  return out;
}

/**
 * The ledger-wide checks (double voids, duplicate numbers) read an index over
 * every document; the sync status asks for them on every round, so their
 * result is kept until a document is added or removed. The fingerprint is
 * the newest rowid plus the document count kept per day by triggers
 * (ar_day_totals, migrations 0014_b/0015): both cheap, and any insert or
 * delete changes one of them; merges and their undos (which move documents).
 *
 * When documents were only added since (the row at the old newest rowid is
 * still the same document, so every new row got a higher rowid, and the
 * count grew by exactly the rows above it), only the numbers and originals
 * those new rows carry are read again: a new row can join a group of its own
 * (kind, number) or its own original's voids, and no other. This is what
 * keeps the badge fast right after a posting (issue 17 point 2); anything
 * else (a deletion, a merge) reads everything again.
 */
interface LedgerEntry {
  top: number | null;
  /** The id at the newest rowid: a deleted and reused rowid would show as another id. */
  topId: string | null;
  n: number;
  merges: string;
  docRows: DupRow[];
  extras: ExtraVoid[];
  conflicts: SyncConflict[];
}
const ledgerCache = new WeakMap<object, LedgerEntry>();

const DUP_DOC_ROW = `d.kind || ' ' || d.doc_no AS v, d.id, d.doc_no AS label, d.customer_id`;

function ledgerConflicts(ctx: ServiceContext): SyncConflict[] {
  // Merges move documents between customers (the conflict names the customer): they count too.
  const f = ctx.db
    .prepare(
      `SELECT (SELECT max(rowid) FROM main.ar_documents) AS top, (SELECT coalesce(sum(doc_count), 0) FROM main.ar_day_totals) AS n,
         (SELECT count(*) || '/' || count(undone_at) FROM main.customer_merges) AS merges,
         EXISTS (SELECT 1 FROM sqlite_temp_master WHERE name = 'ar_documents') AS scoped`,
    )
    .get() as { top: number | null; n: number; merges: string; scoped: number };
  const office = officeLedgerConflicts(ctx, f);
  // A salesperson's call reads through the scope's views (db/scope.ts): the office's groups narrowed to the rows
  // they may see (see inScope), from the kept office-wide reading rather than all their documents grouped again.
  return f.scoped ? inScope(ctx, office) : office.conflicts;
}

/** The office-wide ledger conflicts (every query names main.*, so a scoped call reads them too): kept, or read again. */
function officeLedgerConflicts(ctx: ServiceContext, f: { top: number | null; n: number; merges: string }): LedgerEntry {
  const hit = ledgerCache.get(ctx.db.sqlite);
  if (hit !== undefined && hit.top === f.top && hit.n === f.n && hit.merges === f.merges) return hit;
  const topId = f.top === null ? null : (ctx.db.prepare(`SELECT id FROM main.ar_documents WHERE rowid = ?`).pluck(true).get(f.top) as string);
  const added = hit === undefined ? null : addedSince(ctx, hit, f);
  const fresh = hit !== undefined && added !== null ? withAdded(ctx, hit, added) : computeLedgerConflicts(ctx);
  const entry = { top: f.top, topId, n: f.n, merges: f.merges, ...fresh };
  ledgerCache.set(ctx.db.sqlite, entry);
  return entry;
}

/**
 * The ledger conflicts among the documents a scoped user sees: the office's
 * rows of the customers in the scope, grouped as ever (a group needs two
 * such rows). The same as grouping the scoped documents themselves: a
 * duplicate number seen twice in the scope is duplicated office-wide, and a
 * void always belongs to its original's customer (merges move both). Each
 * group is built from its visible rows alone, so nothing out of the scope
 * is named.
 */
function inScope(ctx: ServiceContext, office: LedgerEntry): SyncConflict[] {
  const visible = new Set(ctx.db.prepare(`SELECT id FROM customers`).pluck(true).all() as string[]);
  const docRows = office.docRows.filter((r) => visible.has(r.customer_id));
  const extras = office.extras.filter((e) => visible.has(e.customer_id));
  return ledgerConflictList(ctx, docRows, extras);
}

interface Added {
  keys: { kind: string; doc_no: string }[];
  originals: string[];
}

/** The rows added since `hit` when documents were only added (see above), else null. */
function addedSince(ctx: ServiceContext, hit: LedgerEntry, now: { top: number | null; n: number; merges: string }): Added | null {
  if (hit.merges !== now.merges || hit.top === null || now.top === null || now.top <= hit.top) return null;
  const stillTop = ctx.db.prepare(`SELECT id FROM main.ar_documents WHERE rowid = ?`).pluck(true).get(hit.top) as string | undefined;
  if (stillTop !== hit.topId) return null;
  const rows = ctx.db.prepare(`SELECT kind, doc_no, voids_id FROM main.ar_documents WHERE rowid > ?`).all(hit.top) as { kind: string; doc_no: string; voids_id: string | null }[];
  if (rows.length !== now.n - hit.n) return null;
  const keys = new Map(rows.map((r) => [`${r.kind} ${r.doc_no}`, { kind: r.kind, doc_no: r.doc_no }]));
  const originals = new Set(rows.flatMap((r) => (r.voids_id === null ? [] : [r.voids_id])));
  return { keys: [...keys.values()], originals: [...originals] };
}

type LedgerResult = Pick<LedgerEntry, 'docRows' | 'extras' | 'conflicts'>;

/** The cached rows with the groups the added rows can touch read again. */
function withAdded(ctx: ServiceContext, hit: LedgerEntry, added: Added): LedgerResult {
  const touchedKeys = new Set(added.keys.map((k) => `${k.kind} ${k.doc_no}`));
  const count = ctx.db.prepare(`SELECT count(*) FROM main.ar_documents WHERE kind = ? AND doc_no = ?`).pluck(true);
  const rowsOf = ctx.db.prepare(`SELECT ${DUP_DOC_ROW} FROM main.ar_documents d WHERE d.kind = ? AND d.doc_no = ? AND d.created_by <> '${NEUTRALISED_BY}' ORDER BY d.id`);
  const docRows = [
    ...hit.docRows.filter((r) => !touchedKeys.has(r.v)),
    ...added.keys.flatMap((k) => ((count.get(k.kind, k.doc_no) as number) > 1 ? (rowsOf.all(k.kind, k.doc_no) as DupRow[]) : [])),
  ];
  const touchedOriginals = new Set(added.originals);
  const extras = [...hit.extras.filter((e) => !touchedOriginals.has(e.voids_id)), ...extraVoids(ctx, added.originals)];
  return { docRows, extras, conflicts: ledgerConflictList(ctx, docRows, extras) };
}

function ledgerConflictList(ctx: ServiceContext, docRows: DupRow[], extras: readonly ExtraVoid[]): SyncConflict[] {
  // Groups are put together by value in the order met, each group's rows by id; listSyncConflicts sorts the groups.
  const ordered = [...docRows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...voidConflicts(ctx, extras), ...groups('duplicate_doc_no', 'ar_documents', ordered)];
}

/** Every ledger-wide conflict read afresh (also the reference of the property test). */
export function computeLedgerConflicts(ctx: ServiceContext): LedgerResult {
  // Per kind: an invoice and a receipt may share a typed number. Grouped on the (kind, doc_no) index alone;
  // the system voids of extra voids are numbered after their void, which is automatic and so never typed twice.
  const docRows = ctx.db
    .prepare(
      `SELECT ${DUP_DOC_ROW} FROM main.ar_documents d
       WHERE (d.kind, d.doc_no) IN (SELECT kind, doc_no FROM main.ar_documents GROUP BY kind, doc_no HAVING count(*) > 1)
         AND d.created_by <> '${NEUTRALISED_BY}'
       ORDER BY d.kind, d.doc_no, d.id`,
    )
    .all() as DupRow[];
  const extras = extraVoids(ctx);
  return { docRows, extras, conflicts: ledgerConflictList(ctx, docRows, extras) };
}

/** Every open sync conflict, in a stable order (kind, then key). */
export function listSyncConflicts(ctx: ServiceContext): SyncConflict[] {
  const out: SyncConflict[] = [...ledgerConflicts(ctx), ...recordConflicts(ctx), ...creditLimitsPassed(ctx)];
  const rank = (k: SyncConflictKind): number => SYNC_CONFLICT_KINDS.indexOf(k);
  return out.sort((a, b) => rank(a.kind) - rank(b.kind) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * What the customer, contract and statement checks read: kept per connection
 * until one of these tables is written (db/writeWatch.ts), so the badge right
 * after a receipt or an invoice does not group 5,000 customers and every
 * contract again (issue 17 point 2). The audit rows of customers count: a
 * duplicate's label names the PC and time of its first one, which sync may
 * bring after the customer itself.
 */
const RECORD_TABLES: readonly WatchedTable[] = [
  { table: 'customers' },
  { table: 'contracts' },
  { table: 'statements' },
  { table: 'audit_log', when: `ROW.entity = 'customer'` },
];
const keptRecords = new WeakMap<object, { key: string; conflicts: SyncConflict[] }>();

/** The customer, contract and statement conflicts: kept while those tables are unchanged, else read afresh. */
export function recordConflicts(ctx: ServiceContext): SyncConflict[] {
  const key = watchWrites(ctx.db, 'record_conflicts', RECORD_TABLES)?.generation ?? null;
  const hit = key === null ? undefined : keptRecords.get(ctx.db);
  if (hit !== undefined && hit.key === key) return hit.conflicts;
  const conflicts = computeRecordConflicts(ctx);
  if (key !== null) keptRecords.set(ctx.db, { key, conflicts });
  return conflicts;
}

/** The customer, contract and statement conflicts read afresh (also the reference of the tests). */
export function computeRecordConflicts(ctx: ServiceContext): SyncConflict[] {
  const all = (sqlText: string): DupRow[] => ctx.db.prepare(sqlText).all() as DupRow[];
  const active = `c.merged_into IS NULL`;
  return [
    ...groups(
      'duplicate_customer_code',
      'customers',
      all(`SELECT c.code AS v, c.id, ${DUP_CUSTOMER_LABEL} AS label, c.id AS customer_id FROM customers c
        WHERE ${active} AND upper(c.code) IN (SELECT upper(code) FROM customers WHERE merged_into IS NULL GROUP BY upper(code) HAVING count(*) > 1)
        ORDER BY upper(c.code), c.id`),
      (v) => v.toUpperCase(),
    ),
    ...groups(
      'duplicate_customer_name',
      'customers',
      all(`SELECT c.name AS v, c.id, ${DUP_CUSTOMER_LABEL} AS label, c.id AS customer_id FROM customers c
        WHERE c.archived_at IS NULL AND c.name IN (SELECT name FROM customers WHERE archived_at IS NULL GROUP BY name HAVING count(*) > 1)
        ORDER BY c.name, c.id`),
    ),
    ...groups(
      'duplicate_tax_id',
      'customers',
      all(`SELECT c.tax_id AS v, c.id, ${DUP_CUSTOMER_LABEL} AS label, c.id AS customer_id FROM customers c
        WHERE c.archived_at IS NULL AND c.tax_id <> ''
          AND c.tax_id IN (SELECT tax_id FROM customers WHERE archived_at IS NULL AND tax_id <> '' GROUP BY tax_id HAVING count(*) > 1)
        ORDER BY c.tax_id, c.id`),
    ),
    ...groups(
      'duplicate_contract_no',
      'contracts',
      all(`SELECT k.contract_no AS v, k.id, k.contract_no AS label, k.customer_id FROM contracts k
        WHERE upper(k.contract_no) IN (SELECT upper(contract_no) FROM contracts GROUP BY upper(contract_no) HAVING count(*) > 1)
        ORDER BY upper(k.contract_no), k.id`),
      (v) => v.toUpperCase(),
    ),
    ...confirmedPeriodsChanged(ctx),
  ];
}

function confirmedPeriodsChanged(ctx: ServiceContext): SyncConflict[] {
  const rows = ctx.db
    .prepare(
      `SELECT id, statement_no, customer_id, closing_fen FROM statements
       WHERE status = 'confirmed' AND affected_at IS NOT NULL AND affected_reason LIKE '${SYNC_AFFECTED_PREFIX}%' ORDER BY id`,
    )
    .all() as { id: string; statement_no: string; customer_id: string; closing_fen: number }[];
  return rows.map((s) => ({
    key: `confirmed_period_changed:${s.id}`,
    kind: 'confirmed_period_changed' as const,
    value: s.statement_no,
    rows: [{ table: 'statements' as const, id: s.id, label: s.statement_no, customerId: s.customer_id }],
    customerId: s.customer_id,
    amountFen: s.closing_fen,
  }));
}

/**
 * Some document audit row names a PC other than another's: two seeks on
 * audit_log_entity_device (migration 0026_a). When false no customer has
 * invoices from two PCs, so creditLimitsPassed has nothing to find.
 */
function documentsPostedOnSeveralPcs(ctx: ServiceContext): boolean {
  const lowest = ctx.db.prepare(`SELECT min(device) AS d FROM audit_log WHERE entity = 'ar_document'`).pluck(true).get() as string | null;
  const highest = ctx.db.prepare(`SELECT max(device) AS d FROM audit_log WHERE entity = 'ar_document'`).pluck(true).get() as string | null;
  return lowest !== null && highest !== null && lowest !== highest;
}

/**
 * Over the limit now, with the customer's live invoices posted on two or more
 * PCs (the device in each invoice's audit row), and none of them posted with
 * an accepted credit-limit override (then a person already saw and accepted
 * "over the limit" on one PC, and the ordinary credit alert covers it).
 */
function creditLimitsPassed(ctx: ServiceContext): SyncConflict[] {
  if (!documentsPostedOnSeveralPcs(ctx)) return [];
  const rows = ctx.db
    .prepare(
      `SELECT c.id, ${CUSTOMER_LABEL} AS label, c.credit_limit_fen, s.balance_fen,
         (SELECT count(DISTINCT a.device) FROM ar_documents d JOIN audit_log a ON a.entity = 'ar_document' AND a.entity_id = d.id
          WHERE d.customer_id = c.id AND d.kind = 'invoice' AND NOT EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = d.id)) AS devices,
         EXISTS (SELECT 1 FROM ar_documents d JOIN audit_log a ON a.entity = 'ar_document' AND a.entity_id = d.id
          WHERE d.customer_id = c.id AND d.kind = 'invoice' AND a.after LIKE '%creditLimitOverride%') AS accepted
       FROM customers c JOIN ar_customer_state s ON s.customer_id = c.id
       WHERE c.credit_limit_fen IS NOT NULL AND c.merged_into IS NULL AND s.balance_fen > c.credit_limit_fen
       ORDER BY c.id`,
    )
    .all() as { id: string; label: string; credit_limit_fen: number; balance_fen: number; devices: number; accepted: number }[];
  return rows
    .filter((r) => r.devices >= 2 && !r.accepted)
    .map((r) => ({
      key: `credit_limit_passed:${r.id}`,
      kind: 'credit_limit_passed' as const,
      value: String(r.credit_limit_fen),
      rows: [{ table: 'customers' as const, id: r.id, label: r.label, customerId: r.id }],
      customerId: r.id,
      amountFen: r.balance_fen,
    }));
}

/** A ULID-shaped id every PC derives alike for the system void of `voidId` (Crockford base32 of its hash). */
function neutraliserId(voidId: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = createHash('sha256').update(`neutralise:${voidId}`).digest();
  let tail = '';
  for (let i = 0; i < 16; i++) tail += alphabet[bytes[i] % 32];
  return voidId.slice(0, 10) + tail;
}

/**
 * Gives every extra void (see duplicateVoids) its system void: same date,
 * opposite side, same amount, created_by 'sync', every column derived from
 * the extra void, so all PCs insert the identical row (and applying the
 * other PC's copy is a no-op). Returns the customers to re-derive.
 */
export function neutraliseExtraVoids(ctx: ServiceContext): string[] {
  const extras = (ctx.db.prepare(EXTRA_VOIDS_SQL).all() as ExtraVoid[]).filter(
    (e) => !ctx.db.prepare(`SELECT 1 FROM ar_documents WHERE voids_id = ?`).get(e.id),
  );
  const insert = ctx.db.prepare(`INSERT INTO ar_documents (id, customer_id, kind, side, doc_no, doc_date, due_on, amount_fen, memo,
      voids_id, void_reason, original_date, open_fen, unapplied_fen, created_at, created_by, updated_at)
    VALUES (?, ?, 'void', ?, ?, ?, NULL, ?, ?, ?, ?, ?, NULL, NULL, ?, '${NEUTRALISED_BY}', ?)
    ON CONFLICT (id) DO NOTHING`);
  const customers = new Set<string>();
  for (const e of extras) {
    const reason = `同一单据 ${e.original_no} 已在另一台电脑冲销（${e.first_no}），本冲销单不生效`;
    insert.run(
      neutraliserId(e.id),
      e.customer_id,
      e.side === 'debit' ? 'credit' : 'debit',
      `${e.doc_no.slice(0, 36)}-无效`,
      e.doc_date,
      e.amount_fen,
      `重复冲销 ${e.doc_no}：${reason}`,
      e.id,
      reason,
      e.doc_date,
      e.created_at,
      e.created_at,
    );
    customers.add(e.customer_id);
  }
  return [...customers].sort();
}

export const conflictAlertKey = (c: SyncConflict): string => `sync_conflict:${c.key}`;

/** The conflicts nobody has acknowledged or snoozed yet (or that grew since): what `sync --json` counts. */
export function openSyncConflicts(ctx: ServiceContext): SyncConflict[] {
  const acks = loadAcks(ctx);
  const today = ctx.clock.today();
  return listSyncConflicts(ctx).filter((c) => {
    const ack = acks.get(conflictAlertKey(c));
    if (!ack || ack.ackedOn > today) return true;
    const holds = ack.acknowledged || (ack.snoozedUntil !== null && today < ack.snoozedUntil);
    return !holds || isWorse('sync_conflict', { severity: ack.severity, facts: { count: c.rows.length } }, ack);
  });
}
