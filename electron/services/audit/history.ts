/** Reading the audit log of one record, newest first, with field-level diffs. */
import type { ServiceContext } from '../context';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  id: string;
  at: string;
  user: string;
  device: string;
  action: string;
  changes: FieldChange[];
}

const parse = (s: string | null): Record<string, unknown> | null => (s ? (JSON.parse(s) as Record<string, unknown>) : null);

/** Field by field, what differs between two JSON snapshots. */
export function diffSnapshots(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: FieldChange[] = [];
  for (const field of keys) {
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ field, before: b, after: a });
  }
  return out;
}

export function historyOf(ctx: ServiceContext, entity: string, entityId: string, limit = 200): HistoryEntry[] {
  const rows = ctx.db.all(
    ctx.db.k
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', entity)
      .where('entity_id', '=', entityId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit),
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    user: r.user,
    device: r.device,
    action: r.action,
    changes: diffSnapshots(parse(r.before), parse(r.after)),
  }));
}
