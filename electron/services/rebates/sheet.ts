/**
 * The settlement sheet (返利结算单) of one target: every figure of the
 * calculation (the base and its parts, attainment, the bands or the applied
 * tier with their exact amounts, the on-time rebate, the cap, the rounded
 * line), the settlements posted so far, and whether settling or adjusting is
 * possible now and, if not, why.
 */
import type { RebateProgressRow, RebateSettlementDto, RebateSheet } from '../../../shared/api/rebates';
import { DomainError } from '../../../shared/errors';
import { formatFen } from '../../../shared/money/format';
import type { ServiceContext } from '../context';
import { progressDetails } from './progress';

const SETTLEMENTS_SQL = `SELECT s.*, d.doc_no FROM rebate_settlements s JOIN ar_documents d ON d.id = s.document_id
  WHERE s.target_id = ? ORDER BY s.created_at, s.id`;

export function settlementsOf(ctx: ServiceContext, targetId: string): RebateSettlementDto[] {
  const rows = ctx.db.prepare(SETTLEMENTS_SQL).all(targetId) as {
    id: string;
    kind: 'settlement' | 'adjustment';
    payout: 'credit' | 'cash';
    amount_fen: number;
    base_fen: number;
    earned_fen: number;
    settled_on: string;
    document_id: string;
    doc_no: string;
    refund_id: string | null;
    active_key: string | null;
    created_by: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    payout: r.payout,
    amountFen: r.amount_fen,
    baseFen: r.base_fen,
    earnedFen: r.earned_fen,
    settledOn: r.settled_on,
    documentId: r.document_id,
    docNo: r.doc_no,
    refundId: r.refund_id,
    voided: r.active_key === null,
    createdBy: r.created_by,
  }));
}

export function rebateSheet(ctx: ServiceContext, targetId: string, asOf: string | null): RebateSheet {
  const today = ctx.clock.today();
  const date = asOf ?? today;
  const detail = progressDetails(ctx, { asOf: date, targetId })[0];
  if (!detail) throw new DomainError('not_found', '返利目标不存在或已删除', 'targetId');
  const { row, result } = detail;
  return {
    row,
    parts: detail.parts,
    bands: result.bands,
    tierExactFen: result.tierExactFen,
    onTimeBaseFen: detail.onTimeBaseFen,
    onTimeExactFen: result.onTimeExactFen,
    capped: result.capped,
    settlements: settlementsOf(ctx, targetId),
    ...blockedReasons(row, today),
  };
}

/** Why settling or adjusting is not possible today (null = possible), from the row's figures alone. */
export function blockedReasons(row: RebateProgressRow, today: string): { settleBlocked: string | null; adjustBlocked: string | null } {
  const t = row.target;
  let settleBlocked: string | null = null;
  let adjustBlocked: string | null = null;
  const outstanding = row.earnedFen - row.settledFen;
  if (today <= t.periodTo) settleBlocked = `期间 ${t.periodFrom}~${t.periodTo} 尚未结束（${t.periodTo} 之后才能结算）`;
  else if (row.settled) settleBlocked = `期间 ${t.periodFrom}~${t.periodTo} 已结算；如数字有变化，请做调整结算`;
  else if (outstanding <= 0) settleBlocked = `期间 ${t.periodFrom}~${t.periodTo} 未达到返利档位，应结返利为 ${formatFen(Math.max(0, outstanding))}`;
  if (!row.settled) adjustBlocked = '尚未结算，无需调整';
  else if (row.differenceFen === 0) adjustBlocked = '结算后数字没有变化，无需调整';
  return { settleBlocked, adjustBlocked };
}
