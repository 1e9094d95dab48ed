/**
 * Reading the statement register: one row as the API's StatementRecord, the
 * filtered list, and the stored files (the PDF exactly as generated, the
 * signed copy as attached).
 */
import path from 'node:path';
import type { z } from 'zod';
import type { StatementsTable } from '../../../db/tables/statements';
import type {
  StatementFile,
  StatementOrientation,
  StatementPage,
  StatementRecord,
  StatementStatus,
  statementListSchema,
} from '../../../shared/api/statements';
import { DomainError } from '../../../shared/errors';
import { statementFileName } from '../../../shared/statements/fileName';
import type { ServiceContext } from '../context';
import { missingFileMessage, readStoredFile } from '../files/fileStore';
import { writeFileAtomic } from './outputFiles';

interface RegisterRow extends StatementsTable {
  customer_code: string;
  customer_name: string;
  superseded_no: string | null;
  signed_mime: string | null;
  signed_size: number | null;
}

const SELECT = `SELECT s.*, c.code AS customer_code, c.name AS customer_name, n.statement_no AS superseded_no,
    f.mime AS signed_mime, f.size AS signed_size
  FROM statements s
  JOIN customers c ON c.id = s.customer_id
  LEFT JOIN statements n ON n.id = s.superseded_by
  LEFT JOIN stored_files f ON f.sha256 = s.signed_copy_sha256`;

export function toRecord(r: RegisterRow): StatementRecord {
  return {
    id: r.id,
    statementNo: r.statement_no,
    customer: { id: r.customer_id, code: r.customer_code, name: r.customer_name },
    periodFrom: r.period_from,
    periodTo: r.period_to,
    openingFen: r.opening_fen,
    closingFen: r.closing_fen,
    debitTotalFen: r.debit_total_fen,
    creditTotalFen: r.credit_total_fen,
    lineCount: r.line_count,
    linesSha256: r.lines_sha256,
    verificationCode: r.verification_code,
    pdfSha256: r.pdf_sha256,
    filePath: r.file_path,
    outputPath: r.output_path,
    fileName: statementFileName(r.customer_code, r.customer_name, r.period_from, r.period_to),
    pages: r.pages,
    orientation: r.orientation as StatementOrientation,
    generatedAt: r.generated_at,
    generatedBy: r.generated_by,
    status: r.status as StatementStatus,
    sentOn: r.sent_on,
    confirmedOn: r.confirmed_on,
    disputeNote: r.dispute_note,
    customerFigureFen: r.customer_figure_fen,
    differenceFen: r.difference_fen,
    signedCopy:
      r.signed_copy_sha256 === null
        ? null
        : { sha256: r.signed_copy_sha256, fileName: r.signed_copy_name ?? '', mime: r.signed_mime ?? '', size: r.signed_size ?? 0 },
    affectedAt: r.affected_at,
    affectedReason: r.affected_reason,
    supersededBy: r.superseded_by === null ? null : { id: r.superseded_by, statementNo: r.superseded_no ?? '' },
  };
}

export function findStatement(ctx: ServiceContext, id: string): StatementRecord | null {
  const row = ctx.db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as RegisterRow | undefined;
  return row ? toRecord(row) : null;
}

export function getStatement(ctx: ServiceContext, id: string): StatementRecord {
  const found = findStatement(ctx, id);
  if (!found) throw new DomainError('not_found', '找不到该对账单', 'id');
  return found;
}

export function statementsByCode(ctx: ServiceContext, code: string): StatementRecord[] {
  return (ctx.db.prepare(`${SELECT} WHERE s.verification_code = ? ORDER BY s.generated_at DESC`).all(code) as RegisterRow[]).map(toRecord);
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

export function listStatements(ctx: ServiceContext, input: z.output<typeof statementListSchema>): StatementPage {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (input.customerId !== null) {
    where.push('s.customer_id = ?');
    params.push(input.customerId);
  }
  if (input.status !== null) {
    where.push('s.status = ?');
    params.push(input.status);
  }
  if (input.from !== null) {
    where.push('s.period_to >= ?');
    params.push(input.from);
  }
  if (input.to !== null) {
    where.push('s.period_to <= ?');
    params.push(input.to);
  }
  if (!input.includeSuperseded) where.push('s.superseded_by IS NULL');
  if (input.search !== '') {
    const like = `%${escapeLike(input.search)}%`;
    where.push(`(s.statement_no LIKE ? ESCAPE '\\' OR s.verification_code LIKE ? ESCAPE '\\' OR c.code LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\')`);
    params.push(like, like, like, like);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (
    ctx.db.prepare(`SELECT count(*) AS n FROM statements s JOIN customers c ON c.id = s.customer_id ${clause}`).get(...params) as { n: number }
  ).n;
  // Newest period first, then newest number: the register reads like a filing cabinet.
  const rows = ctx.db
    .prepare(`${SELECT} ${clause} ORDER BY s.period_to DESC, s.statement_no DESC LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset) as RegisterRow[];
  return { rows: rows.map(toRecord), total };
}

function storedPdfBytes(ctx: ServiceContext, s: StatementRecord): Buffer {
  const file = readStoredFile(ctx, s.pdfSha256);
  if (!file) throw new DomainError('not_found', missingFileMessage(ctx, `对账单 ${s.statementNo} 的 PDF `, `对账单 ${s.statementNo} 的 PDF 文件不在数据目录中（${s.filePath}）`), 'id');
  return file.bytes;
}

export function statementPdf(ctx: ServiceContext, id: string): StatementFile {
  const s = getStatement(ctx, id);
  return { fileName: s.fileName, mime: 'application/pdf', dataBase64: storedPdfBytes(ctx, s).toString('base64') };
}

/**
 * The stored PDF written to `outPath` (desktop 另存为…). The caller's output policy has already
 * accepted the path (files/outputPolicy.ts): a dialog-granted one, or a new file in the data dir.
 */
export function saveStatementPdf(ctx: ServiceContext, input: { id: string; outPath: string }): { path: string } {
  const file = path.resolve(input.outPath);
  writeFileAtomic(file, storedPdfBytes(ctx, getStatement(ctx, input.id)), 'outPath');
  return { path: file };
}

export function signedCopyFile(ctx: ServiceContext, id: string): StatementFile {
  const s = getStatement(ctx, id);
  if (!s.signedCopy) throw new DomainError('not_found', `对账单 ${s.statementNo} 还没有附上回签件`, 'id');
  const file = readStoredFile(ctx, s.signedCopy.sha256);
  if (!file) throw new DomainError('not_found', missingFileMessage(ctx, `对账单 ${s.statementNo} 的回签件`, `对账单 ${s.statementNo} 的回签件不在数据目录中`), 'id');
  return { fileName: s.signedCopy.fileName, mime: file.mime, dataBase64: file.bytes.toString('base64') };
}
