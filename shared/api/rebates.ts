/**
 * Sales targets and rebates (任务目标与返利, issue 15): targets with their
 * rebate policy per contract and period, progress all year, the settlement
 * sheet, settlement into the ledger and adjusting settlements.
 *
 * Amounts a clerk types (target, cap) arrive as typed text or a number and
 * are parsed by the shared parsers (never rounded); tiers arrive as the tier
 * text of the import column 档位 (`80%:1%;100%:2%;120%:3%`, `100%:¥5,000`).
 * Rates and attainment thresholds are integers in millionths (ppm) in outputs.
 *
 * `rebates.settle` and `rebates.adjust` are the only methods that post money
 * (a 返利 credit note, or a cash rebate = refund + 返利 credit note); they are
 * separate methods so that roles can require the boss's approval for them.
 */
import { z } from 'zod';
import { parseAmountToFen } from '../money/parseAmount';
import { optionalText } from '../schemas/fields';
import { method } from './define';
import { businessDate, recordId, type Page } from './customers';
import { lockOverrideField } from './periodLock';
import type { CustomerRef } from './ledger';
import { PPM, type RebateMode, type RebateTier } from '../rebates/calculate';
import { parsePercentPpm, parseTierText, policyProblems } from '../rebates/policyText';

export const REBATE_PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type RebatePeriodKind = (typeof REBATE_PERIOD_KINDS)[number];
export const REBATE_BASES = ['sales', 'collections'] as const;
export type RebateBasis = (typeof REBATE_BASES)[number];
export const REBATE_MODES = ['whole', 'banded'] as const;
export const REBATE_PAYOUTS = ['credit', 'cash'] as const;
export type RebatePayout = (typeof REBATE_PAYOUTS)[number];

/** The labels import files and the CLI use (基数 销售/回款, 计算方式 全额累进/超额分段). */
export const REBATE_BASIS_LABELS: Record<RebateBasis, string> = { sales: '销售', collections: '回款' };
export const REBATE_MODE_LABELS: Record<RebateMode, string> = { whole: '全额累进', banded: '超额分段' };

const typedMoney = (label: string) =>
  z.union([z.string(), z.number()], { error: `${label}必须是金额` }).transform((v, ctx) => {
    const r = parseAmountToFen(v, { label });
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.value;
  });

/** '' (or blank) = not set. */
const optionalTypedMoney = (label: string) =>
  z.union([z.string(), z.number()], { error: `${label}必须是金额` }).transform((v, ctx): number | null => {
    if (typeof v === 'string' && v.trim() === '') return null;
    const r = parseAmountToFen(v, { label });
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.value;
  });

const typedPercent = (label: string) =>
  z.string({ error: `${label}必须是百分比` }).transform((v, ctx) => {
    if (v.trim() === '') return null;
    const r = parsePercentPpm(v, label);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    if (r.value > PPM) {
      ctx.addIssue({ code: 'custom', message: `${label}不能超过 100%` });
      return z.NEVER;
    }
    if (r.value === 0) {
      ctx.addIssue({ code: 'custom', message: `${label}必须大于 0%，不需要时请留空` });
      return z.NEVER;
    }
    return r.value;
  });

const tiersField = z.string({ error: '请填写档位' }).transform((v, ctx): RebateTier[] => {
  const r = parseTierText(v);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  }
  return r.value;
});

export const saveTargetSchema = z
  .object({
    /** null = a new target. */
    id: recordId('返利目标').nullable().default(null),
    contractId: recordId('合同'),
    /** A product line of the contract: the target counts only that line's invoices (null = the whole contract). */
    contractLineId: recordId('产品线').nullable().default(null),
    periodKind: z.enum(REBATE_PERIOD_KINDS, { error: '期间类型只能是 月、季、年 或 自定义' }).default('custom'),
    periodFrom: businessDate('期间起'),
    periodTo: businessDate('期间止'),
    basis: z.enum(REBATE_BASES, { error: '基数只能是 销售 或 回款' }).default('sales'),
    /** Collections basis only: count only receipts paid within terms. */
    onTimeOnly: z.boolean().default(false),
    target: typedMoney('目标金额'),
    mode: z.enum(REBATE_MODES, { error: '计算方式只能是 全额累进 或 超额分段' }).default('whole'),
    tiers: tiersField,
    cap: optionalTypedMoney('封顶金额').nullable().default(null),
    onTimeRate: typedPercent('按期回款返利比例').nullable().default(null),
    notes: optionalText('备注', 500),
  })
  .superRefine((v, ctx) => {
    if (v.periodFrom > v.periodTo) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: '期间止不能早于期间起' });
    if (v.onTimeOnly && v.basis !== 'collections') {
      ctx.addIssue({ code: 'custom', path: ['onTimeOnly'], message: '只统计按期回款仅适用于回款基数' });
    }
    for (const p of policyProblems({ mode: v.mode, tiers: v.tiers, capFen: v.cap, onTimeRatePpm: v.onTimeRate })) {
      ctx.addIssue({ code: 'custom', path: [p.field === 'capFen' ? 'cap' : p.field === 'onTimeRatePpm' ? 'onTimeRate' : p.field], message: p.message });
    }
  });
export type SaveTargetInput = z.input<typeof saveTargetSchema>;

const asOfField = businessDate('截止日期').nullable().default(null);

export const rebateListSchema = z.object({
  /** null = today. */
  asOf: asOfField,
  contractId: recordId('合同').nullable().default(null),
  /** Exactly this contract number ('' = every contract); the CLI addresses contracts by 合同号. */
  contractNo: z.string().trim().max(40).default(''),
  /** Matches contract number and customer code/name. */
  search: z.string().trim().max(100).default(''),
  /** all | running (period not ended) | due (ended, earned, not settled) | settled | difference */
  status: z.enum(['all', 'running', 'due', 'settled', 'difference']).default('all'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5000).default(200),
});
export type RebateListInput = z.input<typeof rebateListSchema>;

export const settleSchema = z.object({
  targetId: recordId('返利目标'),
  /** credit = 返利 credit note against what the customer owes; cash = paid out (refund + 返利 credit note). */
  as: z.enum(REBATE_PAYOUTS, { error: '结算方式只能是 credit（冲抵货款）或 cash（现金支付）' }).default('credit'),
  /** Posting date; null = today. Must be after the period end. */
  date: businessDate('结算日期').nullable().default(null),
  lockOverride: lockOverrideField,
});
export type SettleInput = z.input<typeof settleSchema>;

export const removeTargetSchema = z.object({ id: recordId('返利目标') });

// ---------------------------------------------------------------- outputs

export interface RebateTargetDto {
  id: string;
  contractId: string;
  /** The product line the target counts; null = the whole contract. */
  contractLineId: string | null;
  /** That line as the contract prints it (line number and description); null = the whole contract. */
  contractLine: { seq: number; description: string } | null;
  periodKind: RebatePeriodKind;
  periodFrom: string;
  periodTo: string;
  basis: RebateBasis;
  onTimeOnly: boolean;
  targetFen: number;
  mode: RebateMode;
  tiers: RebateTier[];
  /** The tier list as text (`80%:1%;100%:2%`), for the form. */
  tiersText: string;
  capFen: number | null;
  onTimeRatePpm: number | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

/** 'running': period not ended; 'due': ended with a rebate earned and no settlement; 'nothing': ended, nothing earned; 'settled'; 'difference': settled but the figures changed since. */
export type RebateStatus = 'running' | 'due' | 'nothing' | 'settled' | 'difference';

export interface RebateProgressRow {
  target: RebateTargetDto;
  contractNo: string;
  contractTitle: string;
  customer: CustomerRef;
  asOf: string;
  baseFen: number;
  /** floor(base / target) in ppm. */
  attainmentPpm: number;
  tierIndex: number | null;
  /** The reached tier's threshold, ppm; null below the first tier. */
  tierThresholdPpm: number | null;
  earnedFen: number;
  projectedBaseFen: number;
  projectedEarnedFen: number;
  next: { tierIndex: number; attainmentPpm: number; gapFen: number; payout: string } | null;
  settledFen: number;
  /** earned − settled once a settlement stands; 0 otherwise. */
  differenceFen: number;
  settled: boolean;
  ended: boolean;
  /** Days from asOf to the period end (negative once ended). */
  daysLeft: number;
  status: RebateStatus;
}

export interface RebateBaseParts {
  /** Net sales: invoices of the contract (of the target's line, if it has one) dated in the period. */
  invoicedFen: number;
  /** Net sales: 退货/折让 credit notes dated in the period, as allocated to those invoices (a note names its contract and line by the invoices it pays). */
  returnsFen: number;
  /** Receipts dated in the period allocated to the contract's invoices. */
  collectedFen: number;
  /** Of those, paid on or before the invoice's due date. */
  collectedOnTimeFen: number;
}

export interface RebateSettlementDto {
  id: string;
  kind: 'settlement' | 'adjustment';
  payout: RebatePayout;
  amountFen: number;
  baseFen: number;
  earnedFen: number;
  settledOn: string;
  documentId: string;
  docNo: string;
  refundId: string | null;
  /** The document was voided: the settlement no longer stands. */
  voided: boolean;
  createdBy: string;
}

export interface RebateSheet {
  row: RebateProgressRow;
  parts: RebateBaseParts;
  /** The figures of the calculation, exact (fen as decimal text where fractions of a fen occur). */
  bands: { tierIndex: number; fromFen: string; toFen: string | null; ratePpm: number; amountFen: string }[];
  tierExactFen: string;
  onTimeBaseFen: number;
  onTimeExactFen: string;
  capped: boolean;
  settlements: RebateSettlementDto[];
  /** Why settle is not possible now (null = possible). */
  settleBlocked: string | null;
  /** Why an adjusting settlement is not possible now (null = possible). */
  adjustBlocked: string | null;
}

export interface RebateListPage extends Page<RebateProgressRow> {
  totals: { targetFen: number; baseFen: number; earnedFen: number; settledFen: number; differenceFen: number; earnedNotSettledFen: number };
}

export interface SettleResult {
  settlement: RebateSettlementDto;
  sheet: RebateSheet;
}

export interface RebateObligation {
  asOf: string;
  /** Σ over periods of max(0, earned − settled): what the boss owes in rebates and has not settled. */
  earnedNotSettledFen: number;
  /** Periods contributing to it. */
  count: number;
}

// ---------------------------------------------------------------- methods

const READS = ['rebate_targets', 'rebate_settlements', 'contracts', 'contract_lines', 'customers', 'ar_documents', 'ar_allocations'] as const;

export const rebateMethods = {
  'rebates.contractTargets': method<RebateProgressRow[]>()(z.object({ contractId: recordId('合同'), asOf: asOfField }), [...READS]),
  'rebates.saveTarget': method<RebateTargetDto>()(saveTargetSchema, []),
  'rebates.removeTarget': method<{ removed: true }>()(removeTargetSchema, []),
  'rebates.list': method<RebateListPage>()(rebateListSchema, [...READS]),
  'rebates.sheet': method<RebateSheet>()(z.object({ targetId: recordId('返利目标'), asOf: asOfField }), [...READS]),
  'rebates.settle': method<SettleResult>()(settleSchema, []),
  'rebates.adjust': method<SettleResult>()(settleSchema, []),
  'rebates.obligation': method<RebateObligation>()(z.object({ asOf: asOfField }), [...READS]),
};
