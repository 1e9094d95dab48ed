/**
 * The audit log viewer (issue 13 point 6): filter by user, date, entity,
 * action or record; each row shows its before/after field by field. Login,
 * logout, failed logins, permission refusals and approvals are audit rows
 * like any other (entity 'session' / 'approval').
 */
import type { z } from 'zod';
import type { AuditEntryDto, auditFilterSchema } from '../../../shared/api/controls';
import type { ExportFile } from '../../../shared/api/imports';
import { writeXlsx } from '../export/writeXlsx';
import type { ServiceContext } from '../context';

type Filter = z.output<typeof auditFilterSchema>;

interface Row {
  id: string;
  at: string;
  user: string;
  device: string;
  channel: string | null;
  entity: string;
  entity_id: string;
  action: string;
  before: string | null;
  after: string | null;
  authorized_name: string | null;
  user_display: string | null;
  authorized_by: string | null;
  approval_id: string | null;
}

/** Business date D in the office zone (UTC+8) as the UTC instant its day starts. */
export const dayStartUtc = (date: string): string => new Date(`${date}T00:00:00.000+08:00`).toISOString();
export const dayEndUtc = (date: string): string => new Date(new Date(`${date}T00:00:00.000+08:00`).getTime() + 86_400_000).toISOString();

function where(f: Filter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (f.from) add('a.at >= ?', dayStartUtc(f.from));
  if (f.to) add('a.at < ?', dayEndUtc(f.to));
  if (f.user) add('(a.user = ? OR a.user_id IN (SELECT id FROM users WHERE username = ? OR display_name = ?))', f.user, f.user, f.user);
  if (f.entity) add('a.entity = ?', f.entity);
  if (f.entityId) add('a.entity_id = ?', f.entityId);
  if (f.action) add('a.action = ?', f.action);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const parse = (text: string | null): Record<string, unknown> => {
  if (text === null) return {};
  const v = JSON.parse(text) as unknown;
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
};

/** The fields whose value differs between before and after (a create lists every field, a delete too). */
export function fieldChanges(before: string | null, after: string | null): AuditEntryDto['changes'] {
  const b = parse(before);
  const a = parse(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}

export function listAudit(ctx: ServiceContext, f: Filter): { rows: AuditEntryDto[]; total: number } {
  const w = where(f);
  const total = (ctx.db.prepare(`SELECT count(*) AS n FROM audit_log a ${w.sql}`).get(...w.params) as { n: number }).n;
  const rows = ctx.db
    .prepare(`SELECT a.*, u.display_name AS authorized_name, w.display_name AS user_display FROM audit_log a
      LEFT JOIN users u ON u.id = a.authorized_by LEFT JOIN users w ON w.id = a.user_id
      ${w.sql} ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?`)
    .all(...w.params, f.limit, f.offset) as Row[];
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      // The person's name with the login name, so the boss reads who it was (the OS user before users existed).
      user: r.user_display ? `${r.user_display}（${r.user}）` : r.user,
      device: r.device,
      channel: r.channel,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      authorizedBy: r.authorized_name ?? r.authorized_by,
      approvalId: r.approval_id,
      changes: fieldChanges(r.before, r.after),
    })),
  };
}

const show = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

export async function exportAudit(ctx: ServiceContext, f: Filter): Promise<ExportFile> {
  const { rows } = listAudit(ctx, { ...f, limit: 1000, offset: 0 });
  const lines = rows.flatMap((r) =>
    (r.changes.length ? r.changes : [{ field: '', before: null, after: null }]).map((c) => ({
      at: r.at, user: r.user, authorizedBy: r.authorizedBy ?? '', device: r.device, entity: r.entity, entityId: r.entityId, action: r.action,
      field: c.field, before: show(c.before), after: show(c.after),
    })),
  );
  const buffer = await writeXlsx([
    {
      name: '操作日志',
      columns: [
        { header: '时间', key: 'at' }, { header: '操作人', key: 'user' }, { header: '授权人', key: 'authorizedBy' }, { header: '电脑', key: 'device' },
        { header: '对象', key: 'entity' }, { header: '对象编号', key: 'entityId' }, { header: '动作', key: 'action' },
        { header: '字段', key: 'field' }, { header: '修改前', key: 'before' }, { header: '修改后', key: 'after' },
      ],
      rows: lines,
    },
  ]);
  return { fileName: `操作日志-${ctx.clock.today()}.xlsx`, dataBase64: buffer.toString('base64'), rows: lines.length };
}
