/**
 * The one write helper. Every service that changes customers, contracts,
 * money or settings calls this inside the same transaction as the change, so
 * the audit trail can never disagree with the data. It is also the choke point
 * LAN sync will ship changes from (DESIGN §5).
 */
import { newId } from '../../../shared/ids';
import { insertRows } from '../../../db/insertRows';
import type { ServiceContext } from '../context';

export interface ChangeRecord {
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  /** Tables the change wrote (the audit log is added automatically). */
  tables: readonly string[];
  /**
   * The one customer whose data this change wrote, when there is exactly one
   * (a document, its re-derivation, an interaction, the customer itself).
   * Leave it out when the change is global or spans customers: the alerts
   * then recompute everything after the call instead of that customer alone.
   */
  customerId?: string;
}

/** Notes whose data the call changed (see ServiceContext.changed); null = not one customer's. */
export function noteChangedCustomer(ctx: ServiceContext, customerId: string | null): void {
  if (!ctx.changed) return;
  if (customerId === null) ctx.changed.unattributed = true;
  else ctx.changed.ids.add(customerId);
}

const toJson = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

// A prepared statement, not a query builder: imports write one audit row per document (100,000 in a
// large file), and compiling the same INSERT that often cost more than the insert itself.
const AUDIT_HEAD = `INSERT INTO audit_log (id, at, user, device, entity, entity_id, action, before, after, user_id, authorized_by, approval_id, channel)`;
const AUDIT_WIDTH = 13;
const INSERT_AUDIT = `${AUDIT_HEAD} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function auditValues(ctx: ServiceContext, change: ChangeRecord): unknown[] {
  const a = ctx.actor;
  return [
    newId(),
    ctx.clock.now().toISOString(),
    a.user,
    a.device,
    change.entity,
    change.entityId,
    change.action,
    toJson(change.before),
    toJson(change.after),
    a.userId ?? null,
    a.authorizedBy ?? null,
    a.approvalId ?? null,
    a.channel ?? null,
  ];
}

function touch(ctx: ServiceContext, change: ChangeRecord): void {
  for (const t of change.tables) ctx.touched.add(t);
  ctx.touched.add('audit_log');
  noteChangedCustomer(ctx, change.customerId ?? null);
}

export function recordChange(ctx: ServiceContext, change: ChangeRecord): void {
  ctx.db.prepare(INSERT_AUDIT).run(auditValues(ctx, change));
  touch(ctx, change);
}

/** The same rows as one recordChange per change, in order, written with multi-row INSERTs (bulk writers: imports). */
export function recordChanges(ctx: ServiceContext, changes: readonly ChangeRecord[]): void {
  insertRows(ctx.db, AUDIT_HEAD, AUDIT_WIDTH, changes.map((c) => auditValues(ctx, c)));
  for (const c of changes) touch(ctx, c);
}
