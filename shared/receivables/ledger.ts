import { sortDocs } from './order';
import type { ArDoc, DocKind } from './types';

export interface LedgerLine {
  docId: string;
  date: string;
  docNo: string;
  kind: DocKind;
  /** Exactly one of debitFen and creditFen is > 0. */
  debitFen: number;
  creditFen: number;
  /** Running balance after this line. */
  balanceFen: number;
}

export interface LedgerResult {
  openingFen: number;
  lines: LedgerLine[];
  closingFen: number;
}

/**
 * The ledger/statement lines of one customer for the period from..to, both
 * inclusive. The opening is the net of every document dated before `from`,
 * voids and voided originals included (they net to zero, so the ledger shows
 * the mistake and its correction instead of silently dropping either). Every
 * document dated in the period is a line, in §4 order, with a running balance.
 * `from` null means the first document's date, so the opening is then zero.
 */
export function ledgerLines(docs: readonly ArDoc[], from: string | null, to: string): LedgerResult {
  if (from !== null && from > to) {
    // The closing would be "before from", not "as of to": refuse rather than mislead.
    throw new RangeError(`ledger period starts after it ends: ${from} > ${to}`);
  }
  let openingFen = 0;
  const inPeriod: ArDoc[] = [];
  for (const doc of docs) {
    if (doc.docDate > to) continue;
    if (from !== null && doc.docDate < from) {
      openingFen += doc.side === 'debit' ? doc.amountFen : -doc.amountFen;
    } else {
      inPeriod.push(doc);
    }
  }

  let balanceFen = openingFen;
  const lines: LedgerLine[] = sortDocs(inPeriod).map((doc) => {
    const debitFen = doc.side === 'debit' ? doc.amountFen : 0;
    const creditFen = doc.side === 'credit' ? doc.amountFen : 0;
    balanceFen += debitFen - creditFen;
    return {
      docId: doc.id,
      date: doc.docDate,
      docNo: doc.docNo,
      kind: doc.kind,
      debitFen,
      creditFen,
      balanceFen,
    };
  });

  return { openingFen, lines, closingFen: balanceFen };
}
