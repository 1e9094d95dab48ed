/**
 * Generating a statement: draft from the ledger, number, render, write, and
 * record — in that order, so a refusal or a failure anywhere before the
 * final transaction records nothing (and a written --out file is removed if
 * the transaction itself fails).
 *
 * The number is printed in the PDF, so it is taken before rendering, and
 * rendering is asynchronous. A per-database lock serialises generations (a
 * batch and a clerk's click can overlap) so no two PDFs carry the same
 * number and the register row always describes the exact bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GeneratedStatement, StatementOrientation } from '../../../shared/api/statements';
import { validationError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { rmbUppercase } from '../../../shared/money/rmbUppercase';
import type { Db } from '../../../db/query';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { storeFile, storedFilePath } from '../files/fileStore';
import { requireCustomer } from '../ledger/customerFacts';
import { draftStatement, type StatementDraft } from './assemble';
import { statementFont } from './fontChoice';
import { nextStatementNo } from './numbering';
import { buildStatementDoc } from './pdf/statementDoc';
import { renderPdf } from './pdf/renderPdf';
import type { ResolvedPdfFont } from './pdf/fonts';
import type { PdfDocDefinition, StatementCompany, StatementPdfData } from './pdf/types';
import { getStatement } from './register';
import { getStatementSettings } from './settings';
import { statementVerificationCode } from './verificationCode';
import { assertWritableDir, writeFileAtomic, writeNewFile } from './outputFiles';
import { requireCompanyName } from './companyRequired';

const locks = new WeakMap<Db, Promise<unknown>>();

/** Runs `work` after every earlier generation on the same database has finished. */
async function serialised<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(db) ?? Promise.resolve();
  const run = previous.then(work, work);
  locks.set(
    db,
    run.catch(() => undefined),
  );
  return run;
}

export interface StatementDocument {
  data: StatementPdfData;
  doc: PdfDocDefinition;
  font: ResolvedPdfFont;
  orientation: StatementOrientation;
}

export interface RenderedStatement extends StatementDocument {
  bytes: Buffer;
  pages: number;
}

/** The pdfmake definition of a draft under a given number, with the font and orientation of the settings. */
export function statementDocument(ctx: ServiceContext, draft: StatementDraft, statementNo: string): StatementDocument {
  const settings = getStatementSettings(ctx);
  const font = statementFont(settings.fontPath);
  const { customerId: _c, linesSha256, ...pdf } = draft;
  const data: StatementPdfData = {
    ...pdf,
    statementNo,
    verificationCode: statementVerificationCode({
      statementNo,
      customerCode: draft.customer.code,
      from: draft.from,
      to: draft.to,
      closingFen: draft.closingFen,
      linesSha256,
    }),
  };
  const doc = buildStatementDoc(data, { orientation: settings.orientation, fontFamily: font.family, generatedAt: ctx.clock.now() });
  return { data, doc, font, orientation: settings.orientation };
}

export async function renderStatement(ctx: ServiceContext, draft: StatementDraft, statementNo: string): Promise<RenderedStatement> {
  const built = statementDocument(ctx, draft, statementNo);
  const { bytes, pages } = await renderPdf(built.doc, built.font);
  return { ...built, bytes, pages };
}

/** Inserts the register row (and supersedes earlier statements of the same customer and period). */
function recordStatement(ctx: ServiceContext, draft: StatementDraft, rendered: RenderedStatement, outputPath: string | null): string {
  return ctx.db.transaction(() => {
    const sha = storeFile(ctx, rendered.bytes, 'application/pdf');
    const id = newId();
    const now = ctx.clock.now().toISOString();
    const superseded = ctx.db
      .prepare(
        `SELECT id, statement_no FROM statements WHERE customer_id = ? AND period_from = ? AND period_to = ? AND superseded_by IS NULL`,
      )
      .all(draft.customerId, draft.from, draft.to) as { id: string; statement_no: string }[];
    ctx.db.run(
      ctx.db.k.insertInto('statements').values({
        id,
        statement_no: rendered.data.statementNo,
        customer_id: draft.customerId,
        period_from: draft.from,
        period_to: draft.to,
        opening_fen: draft.openingFen,
        closing_fen: draft.closingFen,
        debit_total_fen: draft.totals.debitFen,
        credit_total_fen: draft.totals.creditFen,
        line_count: draft.lines.length,
        lines_sha256: draft.linesSha256,
        verification_code: rendered.data.verificationCode,
        pdf_sha256: sha,
        file_path: path.relative(ctx.dataDir, storedFilePath(ctx.dataDir, sha)),
        output_path: outputPath,
        pages: rendered.pages,
        orientation: rendered.orientation,
        generated_at: now,
        generated_by: ctx.actor.user,
        status: 'generated',
        sent_on: null,
        confirmed_on: null,
        dispute_note: null,
        customer_figure_fen: null,
        difference_fen: null,
        signed_copy_sha256: null,
        signed_copy_name: null,
        affected_at: null,
        affected_reason: null,
        superseded_by: null,
        created_at: now,
        updated_at: now,
      }),
    );
    for (const old of superseded) {
      ctx.db.prepare(`UPDATE statements SET superseded_by = ?, updated_at = ? WHERE id = ?`).run(id, now, old.id);
      recordChange(ctx, {
        entity: 'statement',
        entityId: old.id,
        action: 'supersede',
        before: { supersededBy: null },
        after: { supersededBy: rendered.data.statementNo },
        tables: ['statements'],
        customerId: draft.customerId,
      });
    }
    recordChange(ctx, {
      entity: 'statement',
      entityId: id,
      action: 'generate',
      before: null,
      after: {
        statementNo: rendered.data.statementNo,
        customerCode: draft.customer.code,
        periodFrom: draft.from,
        periodTo: draft.to,
        openingFen: draft.openingFen,
        closingFen: draft.closingFen,
        lineCount: draft.lines.length,
        linesSha256: draft.linesSha256,
        verificationCode: rendered.data.verificationCode,
        pdfSha256: sha,
        pages: rendered.pages,
        outputPath,
        supersedes: superseded.map((s) => s.statement_no),
      },
      tables: ['statements', 'stored_files'],
      customerId: draft.customerId,
    });
    return id;
  });
}

export interface GenerateOptions {
  /** Also write the PDF here (temp file + rename). */
  outPath?: string | null;
  /**
   * A file already at outPath is kept and the PDF written under a numbered name (a batch into a
   * folder). Otherwise it is replaced: the output policy let only a "replace?"-confirmed dialog
   * path or the CLI's own --out through.
   */
  keepExisting?: boolean;
  /** Read once per batch instead of per customer. */
  company?: StatementCompany;
}

/**
 * Generates, writes and records one statement. Refused (nothing recorded):
 * an unknown customer, a period whose end is before its start, an output
 * file that cannot be written, figures that do not add up.
 */
export async function generateStatement(
  ctx: ServiceContext,
  input: { customerId: string; from: string | null; to: string | null },
  opts: GenerateOptions = {},
): Promise<GeneratedStatement> {
  return (await generateRendered(ctx, input, opts)).result;
}

/** generateStatement plus the rendered document (a batch keeps it for the merged print file). */
export async function generateRendered(
  ctx: ServiceContext,
  input: { customerId: string; from: string | null; to: string | null },
  opts: GenerateOptions = {},
): Promise<{ result: GeneratedStatement; rendered: RenderedStatement }> {
  requireCompanyName(ctx);
  requireCustomer(ctx, input.customerId);
  const outPath = opts.outPath ? path.resolve(opts.outPath) : null;
  if (outPath) assertWritableDir(path.dirname(outPath), 'outPath');
  // The schema compares two given dates; an omitted end is today, which a future start can still pass.
  const to = input.to ?? ctx.clock.today();
  if (input.from !== null && input.from > to) throw validationError('to', `结束日期 ${to} 不能早于开始日期 ${input.from}`);
  const draft = draftStatement(ctx, input, opts.company);
  const { id, rendered } = await serialised(ctx.db, async () => {
    const r = await renderStatement(ctx, draft, nextStatementNo(ctx, draft.to));
    let written: string | null = outPath;
    if (outPath && opts.keepExisting) written = writeNewFile(outPath, r.bytes, 'outPath');
    else if (outPath) writeFileAtomic(outPath, r.bytes, 'outPath');
    try {
      return { id: recordStatement(ctx, draft, r, written), rendered: r };
    } catch (e) {
      if (written) fs.rmSync(written, { force: true });
      throw e;
    }
  });
  const result: GeneratedStatement = {
    statement: getStatement(ctx, id),
    lines: draft.lines.map(({ date, docNo, kind, memo, debitFen, creditFen, balanceFen }) => ({
      date,
      docNo,
      kind,
      memo,
      debitFen,
      creditFen,
      balanceFen,
    })),
    closingInWords: rmbUppercase(draft.closingFen),
  };
  return { result, rendered };
}
