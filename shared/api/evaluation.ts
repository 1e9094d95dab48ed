/**
 * Customer evaluation, visit plans, after-sales and salesperson performance
 * (issue 14). Periods are from..to inclusive; `to` is the as-of date (every
 * figure is the books as they stood that day); omitted to = today, omitted
 * from = the 12 months ending at to.
 */
import { z } from 'zod';
import type { CustomerGrade, CustomerStatus } from './customerEnums';
import { businessDate, customerGradeField, customerLayerField, recordId } from './customers';
import { method } from './define';
import type { ExportFile } from './imports';
import { requiredText } from '../schemas/fields';
import { plainText } from '../schemas/editableFields';
import { CASE_STATUSES, CASE_TYPES, QUADRANTS, type CaseStatus, type CaseType, type CustomerLayer, type Quadrant } from '../evaluation/enums';
import { evaluationSettingsSchema, type EvaluationSettings } from '../evaluation/settings';
import type { CreditParts, SalesParts } from '../evaluation/scores';


/** Longest period a scorecard covers: ten years. */
const MAX_PERIOD_DAYS = 3660;

export const periodShape = {
  from: businessDate('开始日期').nullable().default(null),
  to: businessDate('截止日期').nullable().default(null),
};

export const refinePeriod = (v: { from: string | null; to: string | null }, ctx: z.RefinementCtx): void => {
  if (v.from !== null && v.to !== null && v.from > v.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `截止日期（${v.to}）不能早于开始日期（${v.from}）` });
  }
  if (v.from !== null && v.to !== null && Date.parse(v.to) - Date.parse(v.from) > MAX_PERIOD_DAYS * 86_400_000) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: '评估期间不能超过 10 年' });
  }
};

export const periodSchema = z.object(periodShape).superRefine(refinePeriod);

export const scorecardListSchema = z
  .object({
    ...periodShape,
    /** Only this customer code (the CLI's --customer). */
    customerCode: z.string().trim().max(30).default(''),
    search: z.string().trim().max(100).default(''),
    grade: z.array(customerGradeField).default([]),
    layer: z.array(customerLayerField).default([]),
    salesperson: z.string().trim().max(50).nullable().default(null),
    quadrant: z.array(z.enum(QUADRANTS)).default([]),
    /** Only customers whose suggested grade differs from the current one. */
    onlyRegrade: z.boolean().default(false),
  })
  .superRefine(refinePeriod);
export type ScorecardListInput = z.input<typeof scorecardListSchema>;

export interface ChannelCounts {
  T: number;
  E: number;
  M: number;
}

export interface Scorecard {
  customerId: string;
  code: string;
  name: string;
  grade: CustomerGrade | null;
  layer: CustomerLayer | null;
  salesperson: string;
  status: CustomerStatus;
  /** Invoices dated in the period, not voided as of the end. */
  invoicedFen: number;
  orderCount: number;
  /** Credit notes (退货/折让/返利) dated in the period, not voided. */
  creditedFen: number;
  /** Net sales = invoiced − credited. */
  salesFen: number;
  previousSalesFen: number;
  growth: number | null;
  /** Balance the day before the period starts. */
  openingFen: number;
  /** Receipts (回款) dated in the period, not voided. */
  collectedFen: number;
  collectionRate: number | null;
  /** Receipts allocated to invoices in the period (the weight of avgDaysToPay). */
  paidFen: number;
  avgDaysToPay: number | null;
  balanceFen: number;
  overdueFen: number;
  overdueShare: number | null;
  longestOverdueDays: number;
  brokenPromises: number;
  visits: ChannelCounts;
  satisfactionAvg: number | null;
  satisfactionCount: number;
  /** Cases received in the period. */
  complaints: number;
  /** Cases open (not resolved) at the end of the period. */
  openComplaints: number;
  salesParts: SalesParts;
  creditParts: CreditParts;
  salesScore: number;
  creditScore: number;
  suggestedGrade: CustomerGrade;
  quadrant: Quadrant;
}

export interface ScorecardList {
  from: string;
  to: string;
  periodDays: number;
  rows: Scorecard[];
  settings: EvaluationSettings;
}

export interface SatisfactionPoint {
  /** 'YYYY-MM'. */
  month: string;
  average: number;
  count: number;
}

export interface VisitPlanStatus {
  intervalDays: number | null;
  /** Where the interval comes from. */
  source: 'customer' | 'layer' | 'grade' | null;
  lastVisitOn: string | null;
  dueOn: string | null;
  /** asOf − dueOn when due (0 = due today), else null. */
  daysLate: number | null;
}

export interface CustomerScorecard {
  from: string;
  to: string;
  periodDays: number;
  card: Scorecard;
  satisfactionTrend: SatisfactionPoint[];
  visitPlan: VisitPlanStatus;
  settings: EvaluationSettings;
}

export const regradeSchema = z
  .object({
    ...periodShape,
    changes: z
      .array(z.object({ customerId: recordId('客户'), grade: customerGradeField }), { error: '请选择要调整等级的客户' })
      .min(1, { error: '请选择要调整等级的客户' })
      .max(5000, { error: '一次最多调整 5000 个客户' }),
    reason: plainText('调整原因', 200).default(''),
  })
  .superRefine(refinePeriod);
export type RegradeInput = z.input<typeof regradeSchema>;

// ---------------------------------------------------------------- visit plans

export const visitsDueSchema = z.object({
  asOf: businessDate('截止日期').nullable().default(null),
  search: z.string().trim().max(100).default(''),
  grade: z.array(customerGradeField).default([]),
  layer: z.array(customerLayerField).default([]),
  salesperson: z.string().trim().max(50).nullable().default(null),
});
export type VisitsDueInput = z.input<typeof visitsDueSchema>;

export interface VisitDueRow {
  customerId: string;
  code: string;
  name: string;
  grade: CustomerGrade | null;
  layer: CustomerLayer | null;
  salesperson: string;
  intervalDays: number;
  lastVisitOn: string | null;
  dueOn: string;
  daysLate: number;
}

export interface VisitsDue {
  asOf: string;
  rows: VisitDueRow[];
}

export const plannedVisitsSchema = z.object({
  from: businessDate('开始日期'),
  to: businessDate('截止日期'),
  customerIds: z.array(recordId('客户')).max(5000).default([]),
});

export interface PlannedVisit {
  customerId: string;
  dueOn: string;
}

// ---------------------------------------------------------------- after-sales

export const caseTypeField = z.enum(CASE_TYPES, { error: '类型只能是 质量、交付、价格/账务、服务、其他' });
export const caseStatusField = z.enum(CASE_STATUSES, { error: '状态只能是 待处理、处理中、已解决、已关闭' });

const caseFields = {
  type: caseTypeField,
  productId: recordId('产品').nullable().default(null),
  contractId: recordId('合同').nullable().default(null),
  description: requiredText('问题描述', 2000),
  receivedOn: businessDate('受理日期'),
  /** null = received + the settings' default response days. */
  promisedOn: businessDate('承诺答复日期').nullable().default(null),
  owner: plainText('负责人', 50).default(''),
};

const promisedAfterReceived = (v: { receivedOn?: string; promisedOn?: string | null }, ctx: z.RefinementCtx): void => {
  if (v.receivedOn && v.promisedOn && v.promisedOn < v.receivedOn) {
    ctx.addIssue({ code: 'custom', path: ['promisedOn'], message: `承诺答复日期（${v.promisedOn}）不能早于受理日期（${v.receivedOn}）` });
  }
};

export const caseCreateSchema = z
  .object({ customerId: recordId('客户'), ...caseFields })
  .superRefine(promisedAfterReceived);
export type CaseCreateInput = z.input<typeof caseCreateSchema>;

export const caseUpdateSchema = z
  .object({
    id: recordId('售后单'),
    type: caseTypeField.optional(),
    productId: recordId('产品').nullable().optional(),
    contractId: recordId('合同').nullable().optional(),
    description: requiredText('问题描述', 2000).optional(),
    receivedOn: businessDate('受理日期').optional(),
    promisedOn: businessDate('承诺答复日期').optional(),
    owner: plainText('负责人', 50).optional(),
    resolution: plainText('处理结果', 2000).optional(),
    feedback: plainText('客户反馈', 2000).optional(),
  })
  .superRefine(promisedAfterReceived);
export type CaseUpdateInput = z.input<typeof caseUpdateSchema>;

export const caseStatusSchema = z.object({
  id: recordId('售后单'),
  status: caseStatusField,
  /** Business date of the change; null = today. */
  date: businessDate('日期').nullable().default(null),
  note: plainText('说明', 500).default(''),
  resolution: plainText('处理结果', 2000).optional(),
  feedback: plainText('客户反馈', 2000).optional(),
});
export type CaseStatusInput = z.input<typeof caseStatusSchema>;

export const caseLinkSchema = z.object({ id: recordId('售后单'), creditNoteId: recordId('贷项单据').nullable() });

export const caseNoteSchema = z.object({ id: recordId('售后单'), note: requiredText('跟进说明', 500) });

export const caseListSchema = z.object({
  customerId: recordId('客户').nullable().default(null),
  status: z.array(caseStatusField).default([]),
  type: z.array(caseTypeField).default([]),
  owner: z.string().trim().max(50).nullable().default(null),
  /** Only cases received at least this many days before asOf. */
  minAgeDays: z.number().int().min(0).max(3650).nullable().default(null),
  /** Only open cases past their promised date. */
  overdueOnly: z.boolean().default(false),
  asOf: businessDate('截止日期').nullable().default(null),
  search: z.string().trim().max(100).default(''),
});
export type CaseListInput = z.input<typeof caseListSchema>;

export interface AfterSalesCase {
  id: string;
  caseNo: string;
  customerId: string;
  customerCode: string;
  customerName: string;
  type: CaseType;
  productId: string | null;
  productName: string | null;
  contractId: string | null;
  contractNo: string | null;
  description: string;
  receivedOn: string;
  promisedOn: string;
  owner: string;
  status: CaseStatus;
  resolution: string;
  feedback: string;
  creditNoteId: string | null;
  creditNoteNo: string | null;
  creditNoteFen: number | null;
  resolvedOn: string | null;
  closedOn: string | null;
  /** Days since received (to asOf, or to the resolution). */
  ageDays: number;
  /** Open and past its promised date. */
  overdue: boolean;
  updatedAt: string;
}

export interface CaseEvent {
  id: string;
  caseId: string;
  caseNo: string;
  onDate: string;
  at: string;
  user: string;
  action: 'created' | 'status' | 'note' | 'credit_note' | 'edited';
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  note: string;
}

export interface CaseDetail extends AfterSalesCase {
  events: CaseEvent[];
}

export interface CaseList {
  asOf: string;
  rows: AfterSalesCase[];
  owners: string[];
}

// ---------------------------------------------------------------- salespeople

export interface SalespersonRow {
  /** '' = customers without a salesperson. */
  salesperson: string;
  customers: number;
  /** Customers with an invoice, receipt or visit in the period. */
  customersServed: number;
  salesFen: number;
  collectedFen: number;
  collectionRate: number | null;
  balanceFen: number;
  /** Their customers' balance ÷ invoices of the 90 days to the end × 90. */
  dso: number | null;
  overdueFen: number;
  overdueShare: number | null;
  visitsDone: number;
  visitsPlanned: number;
  openComplaints: number;
}

export interface SalespersonTable {
  from: string;
  to: string;
  periodDays: number;
  rows: SalespersonRow[];
  totals: Omit<SalespersonRow, 'salesperson'>;
}

export const evaluationMethods = {
  'evaluation.scorecards': method<ScorecardList>()(scorecardListSchema, [
    'ar_documents', 'ar_allocations', 'ar_customer_state', 'customers', 'interactions', 'after_sales_cases', 'settings',
  ]),
  'evaluation.card': method<CustomerScorecard>()(z.object({ customerId: recordId('客户'), ...periodShape }).superRefine(refinePeriod), [
    'ar_documents', 'ar_allocations', 'ar_customer_state', 'customers', 'interactions', 'after_sales_cases', 'settings',
  ]),
  'evaluation.regrade': method<{ changed: number }>()(regradeSchema, []),
  'evaluation.settings': method<EvaluationSettings>()(z.object({}), ['settings']),
  'evaluation.saveSettings': method<EvaluationSettings>()(evaluationSettingsSchema, []),
  'visits.due': method<VisitsDue>()(visitsDueSchema, ['customers', 'interactions', 'settings']),
  'visits.planned': method<PlannedVisit[]>()(plannedVisitsSchema, ['customers', 'interactions', 'settings']),
  'cases.list': method<CaseList>()(caseListSchema, ['after_sales_cases', 'customers', 'products', 'contracts', 'ar_documents']),
  'cases.get': method<CaseDetail>()(z.object({ id: recordId('售后单') }), ['after_sales_cases', 'after_sales_events', 'customers', 'products', 'contracts', 'ar_documents']),
  'cases.events': method<CaseEvent[]>()(z.object({ customerId: recordId('客户') }), ['after_sales_events', 'after_sales_cases']),
  'cases.create': method<CaseDetail>()(caseCreateSchema, []),
  'cases.update': method<CaseDetail>()(caseUpdateSchema, []),
  'cases.setStatus': method<CaseDetail>()(caseStatusSchema, []),
  'cases.linkCreditNote': method<CaseDetail>()(caseLinkSchema, []),
  'cases.addNote': method<CaseDetail>()(caseNoteSchema, []),
  'salespeople.performance': method<SalespersonTable>()(periodSchema, [
    'ar_documents', 'ar_allocations', 'ar_customer_state', 'customers', 'interactions', 'after_sales_cases', 'settings',
  ]),
  'salespeople.exportXlsx': method<ExportFile>()(periodSchema, []),
};

