/**
 * The one write helper. Every service that changes customers, contracts,
 * money or settings calls this inside the same transaction as the change, so
 * the audit trail can never disagree with the data. It is also the choke point
 * LAN sync will ship changes from (DESIGN §5).
 */
import { newId } from '../../../shared/ids';
import type { ServiceContext } from '../context';

export interface ChangeRecord {
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  /** Tables the change wrote (the audit log is added automatically). */
  tables: readonly string[];
}

const toJson = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

export function recordChange(ctx: ServiceContext, change: ChangeRecord): void {
  ctx.db.run(
    ctx.db.k.insertInto('audit_log').values({
      id: newId(),
      at: ctx.clock.now().toISOString(),
      user: ctx.actor.user,
      device: ctx.actor.device,
      entity: change.entity,
      entity_id: change.entityId,
      action: change.action,
      before: toJson(change.before),
      after: toJson(change.after),
      user_id: ctx.actor.userId ?? null,
      authorized_by: ctx.actor.authorizedBy ?? null,
      approval_id: ctx.actor.approvalId ?? null,
      channel: ctx.actor.channel ?? null,
    }),
  );
  for (const t of change.tables) ctx.touched.add(t);
  ctx.touched.add('audit_log');
}
