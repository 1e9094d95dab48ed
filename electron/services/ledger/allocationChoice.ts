/**
 * The receipt screen's allocation (§4): what automatic FIFO would do with a
 * new credit at its place in the replay, what is open on each debit just
 * before it, and whether the clerk's submitted allocation is that suggestion
 * unchanged (then it stays automatic) or a hand-made choice (then it is
 * stored as explicit targets, after checking that no line takes more than is
 * open on its debit at that point).
 */
import type { AllocationSuggestion } from '../../../shared/api/ledger';
import { AR_DOC_KIND_LABELS } from '../../../shared/api/ledgerEnums';
import { DomainError, validationError } from '../../../shared/errors';
import { formatFen } from '../../../shared/money/format';
import { replay } from '../../../shared/receivables/replay';
import type { ArDoc, DocKind, ExplicitTarget } from '../../../shared/receivables/types';
import { voidedIds } from './docRows';

/** A credit about to be posted, at the place it will take in the §4 order. */
export interface CreditProbe {
  id: string;
  kind: DocKind;
  docNo: string;
  date: string;
  amountFen: number;
}

const asCredit = (p: CreditProbe, amountFen: number, explicitTargets: ExplicitTarget[] = []): ArDoc => ({
  id: p.id,
  kind: p.kind,
  side: 'credit',
  docNo: p.docNo,
  docDate: p.date,
  dueOn: null,
  amountFen,
  voidsId: null,
  explicitTargets,
});

/**
 * The credit's allocations made when the replay reaches it (rule 2), as debit
 * id → amount in FIFO order. Its leftover may later pay debits dated after it
 * (rule 1); those are dated on the later debit's date, and debits of the
 * credit's own date come before it in §4 order, so "allocated on the credit's
 * date" is exactly "made at the credit's place".
 */
function allocationsAtCredit(docs: readonly ArDoc[], credit: ArDoc): Map<string, number> {
  const result = replay([...docs, credit], null);
  const taken = new Map<string, number>();
  for (const a of result.allocations) {
    if (a.creditId === credit.id && a.allocatedOn === credit.docDate) taken.set(a.debitId, (taken.get(a.debitId) ?? 0) + a.amountFen);
  }
  return taken;
}

/**
 * Debit id → open amount just before the credit, in FIFO order (earliest due
 * first). Found by replaying with a credit so large that FIFO pays every debit
 * open at that point in full: what it takes from each is exactly what was open.
 */
export function openBeforeCredit(docs: readonly ArDoc[], probe: CreditProbe): Map<string, number> {
  return allocationsAtCredit(docs, asCredit(probe, Number.MAX_SAFE_INTEGER));
}

/** What automatic allocation gives the credit at its place: debit id → amount, in FIFO order. */
export function automaticAllocation(docs: readonly ArDoc[], probe: CreditProbe): Map<string, number> {
  return allocationsAtCredit(docs, asCredit(probe, probe.amountFen));
}

export function suggestion(docs: readonly ArDoc[], probe: CreditProbe, customerId: string): AllocationSuggestion {
  const open = openBeforeCredit(docs, probe);
  const auto = automaticAllocation(docs, probe);
  const byId = new Map(docs.map((d) => [d.id, d]));
  let taken = 0;
  const lines: AllocationSuggestion['lines'] = [];
  for (const [debitId, openFen] of open) {
    const d = byId.get(debitId);
    if (d === undefined) continue;
    const suggestedFen = auto.get(debitId) ?? 0;
    taken += suggestedFen;
    lines.push({ debitId, kind: d.kind, docNo: d.docNo, date: d.docDate, dueOn: d.dueOn, amountFen: d.amountFen, openFen, suggestedFen });
  }
  return { customerId, date: probe.date, amountFen: probe.amountFen, docNo: probe.docNo, lines, unappliedFen: probe.amountFen - taken };
}

/**
 * Why a debit cannot take part of this credit, as a message naming it; null
 * when it is one of the customer's live debits dated on or before the credit.
 */
function debitProblem(docs: readonly ArDoc[], debitId: string, probe: CreditProbe): string | null {
  const d = docs.find((x) => x.id === debitId);
  if (d === undefined) return '所选应收单不存在或不属于该客户';
  const label = `${AR_DOC_KIND_LABELS[d.kind]} ${d.docNo}`;
  if (d.side !== 'debit' || d.kind === 'void') return `${label} 不是应收单据，不能核销`;
  if (voidedIds(docs).has(d.id)) return `${label} 已冲销，不能核销`;
  if (d.docDate > probe.date) return `${label} 的日期 ${d.docDate} 晚于本单日期 ${probe.date}，不能核销`;
  return null;
}

/**
 * Turns the submitted allocation into the explicit targets to store: [] when
 * it is null or equals the automatic suggestion (§4: saving the pre-filled
 * suggestion unchanged keeps it automatic), else the list itself. Refuses a
 * line on a debit that is not the customer's live debit dated on/before the
 * credit, or that takes more than is open on it at that point.
 */
export function explicitTargetsFor(
  docs: readonly ArDoc[],
  probe: CreditProbe,
  submitted: readonly { debitId: string; amountFen: number }[] | null,
  field = 'allocations',
): ExplicitTarget[] {
  if (submitted === null) return [];
  const open = openBeforeCredit(docs, probe);
  let total = 0;
  submitted.forEach((line, i) => {
    total += line.amountFen;
    const available = open.get(line.debitId);
    if (available === undefined) {
      const problem = debitProblem(docs, line.debitId, probe) ?? '该应收单在本单日期已无未核销金额';
      throw validationError(`${field}.${i}.debitId`, problem);
    }
    if (line.amountFen > available) {
      const d = docs.find((x) => x.id === line.debitId);
      throw validationError(
        `${field}.${i}.amountFen`,
        `核销金额 ${formatFen(line.amountFen)} 超过${d ? ` ${d.docNo} ` : '该应收单'}在本单日期的未核销金额 ${formatFen(available)}`,
      );
    }
  });
  if (total > probe.amountFen) {
    throw validationError(field, `核销金额合计 ${formatFen(total)} 超过本单金额 ${formatFen(probe.amountFen)}`);
  }
  const auto = automaticAllocation(docs, probe);
  const same = submitted.length === auto.size && submitted.every((l) => auto.get(l.debitId) === l.amountFen);
  return same ? [] : submitted.map((l) => ({ debitId: l.debitId, amountFen: l.amountFen }));
}

/** A write-off's one target: a live invoice or debit opening with at least the amount open at that date. */
export function writeOffTarget(docs: readonly ArDoc[], probe: CreditProbe, debitId: string): ExplicitTarget {
  const problem = debitProblem(docs, debitId, probe);
  if (problem !== null) throw validationError('debitId', problem);
  const d = docs.find((x) => x.id === debitId);
  if (d !== undefined && d.kind !== 'invoice' && d.kind !== 'opening') {
    throw validationError('debitId', `${AR_DOC_KIND_LABELS[d.kind]} ${d.docNo} 不能做坏账核销，只能核销应收单或期初欠款`);
  }
  const available = openBeforeCredit(docs, probe).get(debitId) ?? 0;
  if (available === 0) throw validationError('debitId', `${d?.docNo ?? '该应收单'} 在 ${probe.date} 已无未核销金额`);
  if (probe.amountFen > available) {
    throw validationError('amountFen', `核销金额 ${formatFen(probe.amountFen)} 超过 ${d?.docNo ?? ''} 在 ${probe.date} 的未核销金额 ${formatFen(available)}`);
  }
  return { debitId, amountFen: probe.amountFen };
}

/** Kept for callers that need to refuse a debit outright with a not-found code. */
export const debitNotFound = (field: string): DomainError => new DomainError('not_found', '找不到该应收单', field);
