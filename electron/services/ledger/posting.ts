/**
 * The steps every posting shares: choosing the document number (typed or
 * automatic, unique per kind), and finishing inside the transaction with the
 * re-derivation of the customer and the result the API returns.
 */
import type { CreditLimitCheck, PostResult } from '../../../shared/api/ledger';
import { AR_DOC_KIND_LABELS } from '../../../shared/api/ledgerEnums';
import { DomainError } from '../../../shared/errors';
import type { DocKind } from '../../../shared/receivables/types';
import type { ServiceContext } from '../context';
import { customerSummary } from './customerFacts';
import type { DocumentRow } from './docRows';
import { documentDetail } from './documentView';
import { docNoTaken, nextDocNo } from './numbering';
import { rederiveCustomer, type RederiveOutcome } from './rederive';

/** The typed number if free, else a conflict naming it; '' = the next automatic number. */
export function chooseDocNo(ctx: ServiceContext, kind: DocKind, typed: string, date: string, field = 'docNo'): string {
  if (typed === '') return nextDocNo(ctx, kind, date);
  if (docNoTaken(ctx, kind, typed)) {
    throw new DomainError('conflict', `${AR_DOC_KIND_LABELS[kind]}单号“${typed}”已存在，请换一个单号或留空自动编号`, field);
  }
  return typed;
}

export function finishPosting(
  ctx: ServiceContext,
  row: DocumentRow,
  opts: { action: string; creditLimit?: CreditLimitCheck | null; warnings?: string[] },
): PostResult & { rederived: RederiveOutcome } {
  const rederived = rederiveCustomer(ctx, row.customer_id, { action: opts.action, docIds: [row.id] });
  return {
    document: documentDetail(ctx, row.id),
    summary: customerSummary(ctx, row.customer_id),
    creditLimit: opts.creditLimit ?? null,
    warnings: opts.warnings ?? [],
    rederived,
  };
}

/** Drops the internal part of a finished posting before it leaves the service layer. */
export function publicResult(r: PostResult & { rederived?: RederiveOutcome }): PostResult {
  return { document: r.document, summary: r.summary, creditLimit: r.creditLimit, warnings: r.warnings };
}
