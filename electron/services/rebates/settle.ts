/**
 * Settlement (返利结算) and adjusting settlement (调整结算), point 4 and 5.
 *
 * The money goes through the ledger's own posting services, so §4
 * allocation, numbering, the confirmed-period lock and the audit trail apply
 * exactly as to a clerk's document:
 * - credit: one 返利 credit note (reduces what the customer owes, allocated
 *   by §4 like any credit);
 * - cash: a refund (the money paid out) and a 返利 credit note that pays
 *   exactly that refund, so the receivable is unchanged and both lines show;
 * - an over-settled period's adjustment is a refund-side debit (返利冲回).
 * The memo names the period ("返利 2026-01-01~2026-12-31"), which is what the
 * statement prints. A period stands settled until its document is voided
 * (the trigger of migration 0012 clears the standing key, reopening it); the
 * unique key refuses a second standing settlement even if this check failed.
 */
import type { z } from 'zod';
import { postCreditNoteSchema, postRefundSchema } from '../../../shared/api/ledger';
import type { RebateSettlementDto, RebateSheet, SettleResult, settleSchema } from '../../../shared/api/rebates';
import { DomainError, validationError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { formatFen } from '../../../shared/money/format';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { openBeforeCredit, type CreditProbe } from '../ledger/allocationChoice';
import { loadCustomerDocs } from '../ledger/docRows';
import { postCreditNote } from '../ledger/postCredits';
import { postRefund } from '../ledger/postDebits';
import { settlementStanding } from './progress';
import { blockedReasons, rebateSheet, settlementsOf } from './sheet';
import { requireTarget } from './targets';

type SettleInput = z.output<typeof settleSchema>;

/**
 * The cash payout's credit note pays its refund, but §4 rule 1 lets unapplied
 * credit the customer already holds (预收) pay a new debit first: then less
 * than the full refund is open when the note comes, the note pays what is
 * left on it and the rest of the note stays unapplied. The balance moves by
 * refund − note = 0 either way.
 */
function refundAllocation(ctx: ServiceContext, customerId: string, refundId: string, date: string, amount: number): { debitId: string; amountFen: number }[] | null {
  // '\uffff' sorts the probe after every credit of its date, where the new note's number will put it.
  const probe: CreditProbe = { id: newId(), kind: 'credit_note', docNo: '\uffff', date, amountFen: amount };
  const open = openBeforeCredit(loadCustomerDocs(ctx, customerId), probe).get(refundId) ?? 0;
  return open > 0 ? [{ debitId: refundId, amountFen: Math.min(open, amount) }] : null;
}

/**
 * The sheet once the settlement stands, derived from the one computed before
 * posting instead of computing the base again: the settlement's own document
 * is dated after the period (a 返利 note never counts in the base, its refund
 * is no invoice), so base, attainment and earned are unchanged; only what
 * stands settled, the difference, the status and what is possible next move.
 */
function sheetAfter(before: RebateSheet, settlements: RebateSettlementDto[], amount: number, today: string): RebateSheet {
  const settledFen = before.row.settledFen + amount;
  const row = { ...before.row, settledFen, settled: true, ...settlementStanding(before.row.earnedFen, settledFen, true, before.row.ended) };
  return { ...before, row, settlements, ...blockedReasons(row, today) };
}

export const periodLabel = (from: string, to: string): string => `${from}~${to}`;

export function settleRebate(ctx: ServiceContext, input: SettleInput, mode: 'settle' | 'adjust'): SettleResult {
  return ctx.db.transaction(() => {
    const target = requireTarget(ctx, input.targetId);
    const period = periodLabel(target.period_from, target.period_to);
    const today = ctx.clock.today();
    if (today <= target.period_to) {
      throw validationError('targetId', `期间 ${period} 尚未结束，${target.period_to} 之后才能结算返利`);
    }
    const date = input.date ?? today;
    if (date <= target.period_to) throw validationError('date', `结算日期 ${date} 必须晚于期间止 ${target.period_to}`);
    const sheet = rebateSheet(ctx, target.id, date);
    const { row } = sheet;
    let amount: number;
    if (mode === 'settle') {
      if (row.settled) throw new DomainError('conflict', `合同 ${row.contractNo} 期间 ${period} 已结算返利，不能重复结算；如数字有变化，请做调整结算`, 'targetId');
      amount = row.earnedFen - row.settledFen;
      if (amount <= 0) throw validationError('targetId', `合同 ${row.contractNo} 期间 ${period} 未达到返利档位，应结返利为 ${formatFen(Math.max(0, amount))}，无需结算`);
    } else {
      if (!row.settled) throw new DomainError('conflict', `合同 ${row.contractNo} 期间 ${period} 尚未结算，请先结算`, 'targetId');
      amount = row.differenceFen;
      if (amount === 0) throw new DomainError('conflict', `合同 ${row.contractNo} 期间 ${period} 结算后数字没有变化，无需调整`, 'targetId');
    }

    const word = mode === 'settle' ? '返利' : '返利调整';
    const memo = `${word} ${period}（合同 ${row.contractNo}）`;
    const common = { customerId: row.customer.id, date, docNo: '', lockOverride: input.lockOverride };
    let documentId: string;
    let refundId: string | null = null;
    if (amount > 0) {
      if (input.as === 'cash') {
        const refund = postRefund(ctx, postRefundSchema.parse({ ...common, amountFen: amount, method: 'other', memo: `${word}付现 ${period}（合同 ${row.contractNo}）` }));
        refundId = refund.document.id;
      }
      const allocations = refundId === null ? null : refundAllocation(ctx, row.customer.id, refundId, date, amount);
      const note = postCreditNote(ctx, postCreditNoteSchema.parse({ ...common, amountFen: amount, noteType: 'rebate', memo, allocations }));
      documentId = note.document.id;
    } else {
      const back = postRefund(ctx, postRefundSchema.parse({ ...common, amountFen: -amount, method: 'other', memo: `返利冲回（多结）${period}（合同 ${row.contractNo}）` }));
      documentId = back.document.id;
    }

    const id = newId();
    const values = {
      id,
      target_id: target.id,
      contract_id: target.contract_id,
      customer_id: row.customer.id,
      period_from: target.period_from,
      period_to: target.period_to,
      kind: mode === 'settle' ? 'settlement' : 'adjustment',
      payout: input.as,
      document_id: documentId,
      refund_id: refundId,
      amount_fen: amount,
      base_fen: row.baseFen,
      earned_fen: row.earnedFen,
      figures: JSON.stringify({ parts: sheet.parts, bands: sheet.bands, tierExactFen: sheet.tierExactFen, onTimeExactFen: sheet.onTimeExactFen, capped: sheet.capped, attainmentPpm: row.attainmentPpm, tierIndex: row.tierIndex, policy: row.target }),
      settled_on: date,
      active_key: mode === 'settle' ? target.id : `adj:${id}`,
      created_at: ctx.clock.now().toISOString(),
      created_by: ctx.actor.user,
    };
    try {
      ctx.db.run(ctx.db.k.insertInto('rebate_settlements').values(values));
    } catch (e) {
      if (e instanceof Error && /UNIQUE constraint failed: rebate_settlements\.active_key/.test(e.message)) {
        throw new DomainError('conflict', `合同 ${row.contractNo} 期间 ${period} 已结算返利，不能重复结算`, 'targetId');
      }
      throw e;
    }
    recordChange(ctx, { entity: 'rebate_settlement', entityId: id, action: mode, before: null, after: values, tables: ['rebate_settlements'], customerId: values.customer_id });
    const settlements = settlementsOf(ctx, target.id);
    const settlement = settlements.find((s) => s.id === id);
    if (!settlement) throw new Error('settlement row vanished');
    return { settlement, sheet: sheetAfter(sheet, settlements, amount, today) };
  });
}
