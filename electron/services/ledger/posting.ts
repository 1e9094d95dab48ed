/**
 * The steps every posting shares: choosing the document number (typed or
 * automatic, unique per kind), and finishing inside the transaction with the
 * re-derivation of the customer and the result the API returns.
 */
import type { CreditLimitCheck, PostResult } from '../../../shared/api/ledger';
import { AR_DOC_KIND_LABELS } from '../../../shared/api/ledgerEnums';
import { DomainError } from '../../../shared/errors';
import { formatFen } from '../../../shared/money/format';
import type { DocKind } from '../../../shared/receivables/types';
import type { ServiceContext } from '../context';
import { customerSummary } from './customerFacts';
import { voidedIds, type DocumentRow } from './docRows';
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

/**
 * Write-offs that no longer take their whole amount from the invoice they name
 * (a back-dated receipt paid it first). §4 then lets the rest pay other debits
 * by FIFO, which is almost never what the accountant meant: say so.
 */
function displacedWriteOffs(outcome: RederiveOutcome): string[] {
  const voided = voidedIds(outcome.docs);
  const byId = new Map(outcome.docs.map((d) => [d.id, d]));
  const onTarget = new Map<string, number>();
  for (const a of outcome.replay.allocations) {
    if (a.explicit) onTarget.set(`${a.creditId}|${a.debitId}`, (onTarget.get(`${a.creditId}|${a.debitId}`) ?? 0) + a.amountFen);
  }
  const warnings: string[] = [];
  for (const d of outcome.docs) {
    if (d.kind !== 'write_off' || voided.has(d.id)) continue;
    const target = d.explicitTargets[0];
    if (target === undefined) continue;
    const got = onTarget.get(`${d.id}|${target.debitId}`) ?? 0;
    if (got < d.amountFen) {
      warnings.push(
        `坏账核销单 ${d.docNo} 现在只核销了 ${byId.get(target.debitId)?.docNo ?? '原应收单'} 的 ${formatFen(got)}（原核销 ${formatFen(d.amountFen)}），其余按先到期先核销冲抵了其他单据；如不应如此，请冲销该核销单后重新录入`,
      );
    }
  }
  return warnings;
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
    warnings: [...(opts.warnings ?? []), ...displacedWriteOffs(rederived)],
    rederived,
  };
}

/** Drops the internal part of a finished posting before it leaves the service layer. */
export function publicResult(r: PostResult & { rederived?: RederiveOutcome }): PostResult {
  return { document: r.document, summary: r.summary, creditLimit: r.creditLimit, warnings: r.warnings };
}
