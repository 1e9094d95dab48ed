/**
 * A statement already in the register as a part of a merged print file:
 * rebuilt from the ledger under its own number, provided the ledger still
 * gives exactly the lines it was printed with (otherwise the print would not
 * match the register) and the page orientation setting is still the one it
 * was printed in (one merged file has one orientation). Used by the batch
 * (statements it skipped) and by the register's merged print of a selection.
 */
import { localDateOf } from '../../../shared/dates/clock';
import type { StatementOrientation } from '../../../shared/api/statements';
import type { ServiceContext } from '../context';
import { draftStatement } from './assemble';
import { statementDocument } from './generate';
import type { MergePart } from './mergedPdf';
import type { ResolvedPdfFont } from './pdf/fonts';

export interface StoredStatementFacts {
  customerId: string;
  from: string;
  to: string;
  statementNo: string;
  linesSha256: string;
  /** ISO instant: the printed date of the rebuilt copy is the day it was generated. */
  generatedAt: string;
  orientation: StatementOrientation;
  pages: number;
}

/** `whatToDo` ends the refusal when the ledger changed (the batch and the register offer different ways out). */
export function storedStatementPart(ctx: ServiceContext, s: StoredStatementFacts, whatToDo: string): MergePart & { font: ResolvedPdfFont } {
  const draft = draftStatement(ctx, { customerId: s.customerId, from: s.from, to: s.to });
  if (draft.linesSha256 !== s.linesSha256) {
    throw new Error(`对账单 ${s.statementNo} 生成后账目有变动，未放入合并打印文件；${whatToDo}`);
  }
  const printed = { ...draft, printDate: localDateOf(new Date(s.generatedAt)) };
  const built = statementDocument(ctx, printed, s.statementNo);
  if (built.orientation !== s.orientation) {
    throw new Error(`对账单 ${s.statementNo} 的纸张方向与当前设置不同，未放入合并打印文件`);
  }
  return { build: () => statementDocument(ctx, printed, s.statementNo).doc, pages: s.pages, font: built.font };
}
