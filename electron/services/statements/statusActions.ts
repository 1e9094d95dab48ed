/**
 * What happens to a statement after it is printed: sent (发出), confirmed
 * by the customer (确认, with the date on their signature), disputed (有异议,
 * with their figure and the difference), the signed copy attached. Every
 * action is one transaction with its audit row.
 *
 *   generated ─▶ sent ─▶ confirmed
 *        │         │  ╲
 *        └─────────┴───▶ disputed ─▶ confirmed (once the difference is settled)
 *
 * A confirmed statement is final (it locks its period, periodLock.ts); a
 * new statement is generated if the customer later withdraws.
 */
import type { z } from 'zod';
import type {
  StatementRecord,
  attachSignedCopySchema,
  markConfirmedSchema,
  markDisputedSchema,
  markSentSchema,
  markSentManySchema,
} from '../../../shared/api/statements';
import { MAX_SIGNED_COPY_BYTES } from '../../../shared/api/statements';
import { localDateOf } from '../../../shared/dates/clock';
import { DomainError, validationError } from '../../../shared/errors';
import { formatFen } from '../../../shared/money/format';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { storeFile } from '../files/fileStore';
import { sniffMime } from '../files/sniffType';
import { getStatement } from './register';

const STATUS_LABELS: Record<StatementRecord['status'], string> = {
  generated: '已生成',
  sent: '已发出',
  confirmed: '已确认',
  disputed: '有异议',
};

/** The business day the statement was generated on (office time zone), the earliest date any action can carry. */
const generatedOn = (s: StatementRecord): string => localDateOf(new Date(s.generatedAt));

function checkActionDate(ctx: ServiceContext, s: StatementRecord, date: string, what: string, notBefore: string | null = null): void {
  const today = ctx.clock.today();
  if (date > today) throw validationError('date', `${what} ${date} 不能晚于今天（${today}）`);
  const earliest = notBefore !== null && notBefore > generatedOn(s) ? notBefore : generatedOn(s);
  if (date < earliest) throw validationError('date', `${what} ${date} 不能早于 ${earliest}（对账单 ${s.statementNo} 生成或发出的日期）`);
}

function save(
  ctx: ServiceContext,
  s: StatementRecord,
  action: string,
  changes: Record<string, string | number | null>,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): StatementRecord {
  return ctx.db.transaction(() => {
    const columns = Object.keys(changes);
    ctx.db
      .prepare(`UPDATE statements SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @updated_at WHERE id = @id`)
      .run({ ...changes, updated_at: ctx.clock.now().toISOString(), id: s.id });
    recordChange(ctx, { entity: 'statement', entityId: s.id, action, before, after, tables: ['statements'], customerId: s.customer.id });
    return getStatement(ctx, s.id);
  });
}

export function markSent(ctx: ServiceContext, input: z.output<typeof markSentSchema>): StatementRecord {
  const s = getStatement(ctx, input.id);
  if (s.status === 'confirmed' || s.status === 'disputed') {
    throw new DomainError('conflict', `对账单 ${s.statementNo} 已${STATUS_LABELS[s.status]}，不能再标记为已发出`, 'id');
  }
  if (s.supersededBy) {
    throw new DomainError('conflict', `对账单 ${s.statementNo} 已被重新生成的 ${s.supersededBy.statementNo} 取代，请发出新的对账单`, 'id');
  }
  const date = input.date ?? ctx.clock.today();
  checkActionDate(ctx, s, date, '发出日期');
  // Sending again (a reprint posted once more) moves the date: the alert counts from the latest sending.
  return save(ctx, s, 'mark_sent', { status: 'sent', sent_on: date }, { status: s.status, sentOn: s.sentOn }, { status: 'sent', sentOn: date });
}

/**
 * The month's post: every selected statement marked sent on one date. One
 * transaction, so a statement that cannot be marked (confirmed, superseded,
 * dated after the post) refuses the whole selection with its number named,
 * and nothing is half-marked.
 */
export function markSentMany(ctx: ServiceContext, input: z.output<typeof markSentManySchema>): { marked: number } {
  const ids = [...new Set(input.ids)];
  return ctx.db.transaction(() => {
    for (const id of ids) markSent(ctx, { id, date: input.date });
    return { marked: ids.length };
  });
}

export function markConfirmed(ctx: ServiceContext, input: z.output<typeof markConfirmedSchema>): StatementRecord {
  const s = getStatement(ctx, input.id);
  if (s.status === 'confirmed') throw new DomainError('conflict', `对账单 ${s.statementNo} 已于 ${s.confirmedOn} 确认`, 'id');
  checkActionDate(ctx, s, input.date, '确认日期', s.sentOn);
  return save(
    ctx,
    s,
    'mark_confirmed',
    { status: 'confirmed', confirmed_on: input.date },
    { status: s.status, confirmedOn: s.confirmedOn },
    // The balance the customer agreed to, for the record (not a change of the statement).
    { status: 'confirmed', confirmedOn: input.date, agreedClosingFen: s.closingFen },
  );
}

export function markDisputed(ctx: ServiceContext, input: z.output<typeof markDisputedSchema>): StatementRecord {
  const s = getStatement(ctx, input.id);
  if (s.status === 'confirmed') {
    throw new DomainError('conflict', `对账单 ${s.statementNo} 已于 ${s.confirmedOn} 确认，不能再标记为有异议；如客户撤回确认，请重新生成对账单`, 'id');
  }
  const differenceFen = s.closingFen - input.customerFigureFen;
  return save(
    ctx,
    s,
    'mark_disputed',
    { status: 'disputed', dispute_note: input.note, customer_figure_fen: input.customerFigureFen, difference_fen: differenceFen },
    { status: s.status, disputeNote: s.disputeNote, customerFigureFen: s.customerFigureFen },
    {
      status: 'disputed',
      disputeNote: input.note,
      customerFigureFen: input.customerFigureFen,
      differenceFen,
      // Spelled out for the history screen: our figure, theirs, and who is ahead.
      summary: `我方 ${formatFen(s.closingFen)}，客户 ${formatFen(input.customerFigureFen)}，差额 ${formatFen(differenceFen)}`,
    },
  );
}

const baseName = (name: string): string => (name.split(/[\\/]/).pop() ?? '').trim() || 'signed-copy';

export function attachSignedCopy(ctx: ServiceContext, input: z.output<typeof attachSignedCopySchema>): StatementRecord {
  const s = getStatement(ctx, input.id);
  const fileName = baseName(input.fileName);
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.byteLength === 0) throw validationError('dataBase64', `文件“${fileName}”是空的`);
  if (bytes.byteLength > MAX_SIGNED_COPY_BYTES) {
    throw validationError('dataBase64', `文件“${fileName}”超过 20 MB，请压缩后再上传（扫描 200 dpi 通常足够）`);
  }
  // By content, never by the name: a renamed .docx must not pass as a signed copy.
  const mime = sniffMime(bytes);
  if (mime === null) throw validationError('dataBase64', `文件“${fileName}”不是 PDF、JPG 或 PNG，回签件只接受扫描件或照片`);
  return ctx.db.transaction(() => {
    const sha = storeFile(ctx, bytes, mime);
    return save(
      ctx,
      s,
      'attach_signed_copy',
      { signed_copy_sha256: sha, signed_copy_name: fileName },
      { signedCopy: s.signedCopy ? { sha256: s.signedCopy.sha256, fileName: s.signedCopy.fileName } : null },
      { signedCopy: { sha256: sha, fileName, mime, size: bytes.byteLength } },
    );
  });
}
