/**
 * 月结对账: one statement for every customer the period concerns (a non-zero
 * opening or closing balance, or any document in the period), each written
 * as `<客户编码>_<客户名称>_<from>_<to>.pdf` into one folder, plus an
 * optional merged PDF for printing.
 *
 * One customer at a time, yielding to the event loop in between, so memory
 * stays flat however many customers there are and the app keeps answering
 * while a batch runs; progress is reported after each customer and a cancel
 * takes effect before the next one. A failure on one customer is reported
 * and the others go on. Customers that already have a current statement for
 * exactly this period are skipped unless forced (their PDF is still copied
 * into the folder if it is missing there). Nothing in the folder is replaced:
 * a name already taken (a forced rerun, the clerk's own file) gets a number
 * (outputFiles.ts writeNewFile).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BatchFailure, BatchResult, batchSchema, StatementOrientation } from '../../../shared/api/statements';
import type { z } from 'zod';
import { mergedFileName, statementFileName } from '../../../shared/statements/fileName';
import type { ServiceContext } from '../context';
import { readStoredFile } from '../files/fileStore';
import { statementCompany } from './assemble';
import { generateRendered } from './generate';
import { mergeStatementDocs, type MergePart } from './mergedPdf';
import { assertWritableDir, writeNewFile } from './outputFiles';
import { renderPdf } from './pdf/renderPdf';
import { buildStatementDoc } from './pdf/statementDoc';
import type { ResolvedPdfFont } from './pdf/fonts';
import { defaultStatementsDir } from './settings';
import { storedStatementPart } from './storedPart';
import { requireCompanyName } from './companyRequired';

export type BatchInput = z.output<typeof batchSchema>;

export interface BatchCustomer {
  id: string;
  code: string;
  name: string;
}

const SIGNED = `CASE d.side WHEN 'debit' THEN d.amount_fen ELSE -d.amount_fen END`;
const ELIGIBLE_SQL = `SELECT c.id, c.code, c.name FROM customers c JOIN ar_documents d ON d.customer_id = c.id AND d.doc_date <= @to
  GROUP BY c.id
  HAVING sum(CASE WHEN d.doc_date < @from THEN ${SIGNED} ELSE 0 END) <> 0
      OR sum(${SIGNED}) <> 0
      OR sum(CASE WHEN d.doc_date >= @from THEN 1 ELSE 0 END) > 0
  ORDER BY c.code`;

/** Every customer the period concerns, by code. Voids count like any document (§4 opening rule). */
export function batchCustomers(ctx: ServiceContext, from: string, to: string): BatchCustomer[] {
  return ctx.db.prepare(ELIGIBLE_SQL).all({ from, to }) as BatchCustomer[];
}

interface CurrentStatement {
  id: string;
  statement_no: string;
  pdf_sha256: string;
  pages: number;
  orientation: string;
  lines_sha256: string;
  generated_at: string;
}

const CURRENT_SQL = `SELECT id, statement_no, pdf_sha256, pages, orientation, lines_sha256, generated_at FROM statements
  WHERE customer_id = ? AND period_from = ? AND period_to = ? AND superseded_by IS NULL ORDER BY generated_at DESC LIMIT 1`;

export interface BatchHooks {
  /** After each customer (and once at the start with done = 0). */
  onProgress?: (progress: BatchResult & { done: number }) => void;
  isCancelled?: () => boolean;
}

/** Where the batch writes, checked before any work: a folder that cannot be written is refused with nothing recorded. */
export function batchTargets(ctx: ServiceContext, input: BatchInput): { outDir: string; mergedPath: string | null } {
  // Refused before the output folder is made or a job is started: no statement would be right without it.
  requireCompanyName(ctx);
  const outDir = path.resolve(input.outDir ?? defaultStatementsDir(ctx));
  assertWritableDir(outDir, 'outDir');
  const mergedPath = input.merged || input.mergedPath ? path.resolve(input.mergedPath ?? path.join(outDir, mergedFileName(input.from, input.to))) : null;
  if (mergedPath) assertWritableDir(path.dirname(mergedPath), 'mergedPath');
  return { outDir, mergedPath };
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A skipped statement's part of the merged file (storedPart.ts). */
function skippedPart(ctx: ServiceContext, customer: BatchCustomer, current: CurrentStatement, input: BatchInput): MergePart & { font: ResolvedPdfFont } {
  return storedStatementPart(ctx, {
    customerId: customer.id,
    from: input.from,
    to: input.to,
    statementNo: current.statement_no,
    linesSha256: current.lines_sha256,
    generatedAt: current.generated_at,
    orientation: current.orientation as StatementOrientation,
    pages: current.pages,
  }, '请勾选“重新生成”后再运行');
}

export async function runBatch(ctx: ServiceContext, input: BatchInput, hooks: BatchHooks = {}): Promise<BatchResult> {
  const { outDir, mergedPath } = batchTargets(ctx, input);
  const customers = batchCustomers(ctx, input.from, input.to);
  const company = statementCompany(ctx);
  const failed: BatchFailure[] = [];
  const parts: MergePart[] = [];
  let font: ResolvedPdfFont | null = null;
  let generated = 0;
  let skipped = 0;
  let cancelled = false;
  const result = (): BatchResult => ({
    outDir,
    total: customers.length,
    generated,
    skipped,
    failed: [...failed],
    cancelled,
    mergedPath: null,
    mergedPages: null,
    mergedError: null,
  });
  hooks.onProgress?.({ ...result(), done: 0 });

  for (const [index, customer] of customers.entries()) {
    if (hooks.isCancelled?.()) {
      cancelled = true;
      break;
    }
    const target = path.join(outDir, statementFileName(customer.code, customer.name, input.from, input.to));
    try {
      const current = input.force ? undefined : (ctx.db.prepare(CURRENT_SQL).get(customer.id, input.from, input.to) as CurrentStatement | undefined);
      if (current) {
        if (!fs.existsSync(target)) {
          const stored = readStoredFile(ctx, current.pdf_sha256);
          if (stored) writeNewFile(target, stored.bytes, 'outDir');
        }
        skipped++;
        if (mergedPath) {
          const part = skippedPart(ctx, customer, current, input);
          font ??= part.font;
          parts.push(part);
        }
      } else {
        const { rendered } = await generateRendered(ctx, { customerId: customer.id, from: input.from, to: input.to }, { outPath: target, keepExisting: true, company });
        generated++;
        if (mergedPath) {
          font ??= rendered.font;
          const { data, orientation, pages } = rendered;
          const fontFamily = rendered.font.family;
          const generatedAt = ctx.clock.now();
          parts.push({ build: () => buildStatementDoc(data, { orientation, fontFamily, generatedAt }), pages });
        }
      }
    } catch (e) {
      failed.push({ customerCode: customer.code, customerName: customer.name, message: message(e) });
    }
    hooks.onProgress?.({ ...result(), done: index + 1 });
    // Let other requests (the clerk clicking around, a cancel) run between customers.
    await nextTick();
  }

  const final = result();
  if (mergedPath && !cancelled && parts.length > 0 && font) {
    try {
      const { doc, expectedPages } = mergeStatementDocs(parts, `对账单合并打印 ${input.from} 至 ${input.to}`);
      const { bytes, pages } = await renderPdf(doc, font);
      if (pages !== expectedPages) throw new Error(`合并文件分页（${pages} 页）与单张对账单（共 ${expectedPages} 页）不一致`);
      final.mergedPath = writeNewFile(mergedPath, bytes, 'mergedPath');
      final.mergedPages = pages;
    } catch (e) {
      final.mergedError = `合并打印文件未生成：${message(e)}`;
    }
  }
  return final;
}
