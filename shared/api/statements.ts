/**
 * Reconciliation statements (对账单, issue 8): generation of the PDF from the
 * ledger, the register and its status actions, verification codes, batch
 * (月结对账) as a cancellable job, statement settings, and printing/opening
 * in the desktop app. DESIGN §4 fixes the period rules and the number.
 *
 * Conventions as elsewhere: money in integer fen, business dates
 * `YYYY-MM-DD`. A statement's lines are exactly `ledger.customerLedger`'s for
 * the same customer and period (from omitted = first document date, to
 * omitted = today).
 */
import { z } from 'zod';
import { optionalText, requiredText } from '../schemas/fields';
import { toHalfWidth } from '../text/normalize';
import { MAX_AMOUNT_FEN, businessDate, recordId } from './customers';
import { method } from './define';
import type { ExportFile } from './imports';
import type { CustomerRef, LedgerLineView } from './ledger';

export const STATEMENT_STATUSES = ['generated', 'sent', 'confirmed', 'disputed'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];
export const PAGE_ORIENTATIONS = ['portrait', 'landscape'] as const;
export type StatementOrientation = (typeof PAGE_ORIENTATIONS)[number];

/** The default line inviting the customer to report differences; {days} is replaced by the setting. */
export const DEFAULT_CONFIRMATION_TEMPLATE = '如有不符，请于收到本对账单后 {days} 日内与我司联系，逾期视为确认无误。';

/** A signed copy (scan or photo) may be this large. */
export const MAX_SIGNED_COPY_BYTES = 20 * 1024 * 1024;

// ---------------------------------------------------------------- fields

const periodCheck = (v: { from: string | null; to: string | null }, ctx: z.RefinementCtx) => {
  if (v.from !== null && v.to !== null && v.from > v.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
  }
};

/** A path the desktop app or the CLI writes a PDF to: only .pdf files, so no other file can be overwritten. */
const pdfPath = (label: string) =>
  requiredText(label, 1000).refine((v) => /\.pdf$/i.test(v), { error: `${label}必须是 .pdf 文件` });

const folderPath = (label: string) => requiredText(label, 1000);

const signedFen = (label: string) =>
  z
    .number({ error: `${label}必须是金额` })
    .int({ error: `${label}必须精确到分` })
    .min(-MAX_AMOUNT_FEN, { error: `${label}超出范围` })
    .max(MAX_AMOUNT_FEN, { error: `${label}超出范围` });

// ---------------------------------------------------------------- inputs

export const generateStatementSchema = z
  .object({
    customerId: recordId('客户'),
    /** null = the customer's first document date. */
    from: businessDate('开始日期').nullable().default(null),
    /** null = today. */
    to: businessDate('结束日期').nullable().default(null),
    /** Also write the PDF here (CLI --out); it is always kept in the data dir. */
    outPath: pdfPath('输出文件').nullable().default(null),
  })
  .superRefine(periodCheck);
export type GenerateStatementInput = z.input<typeof generateStatementSchema>;

export const statementListSchema = z
  .object({
    customerId: recordId('客户').nullable().default(null),
    status: z.enum(STATEMENT_STATUSES, { error: '状态只能是 generated、sent、confirmed 或 disputed' }).nullable().default(null),
    /** Statements whose period END falls within from..to (a month's statements: the month's first and last day). */
    from: businessDate('开始日期').nullable().default(null),
    to: businessDate('结束日期').nullable().default(null),
    /** Matches statement number, verification code, customer code and name. */
    search: z.string().trim().max(100).default(''),
    /** false: only the latest statement of each customer and period. */
    includeSuperseded: z.boolean().default(false),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .superRefine(periodCheck);
export type StatementListInput = z.input<typeof statementListSchema>;

const byId = z.object({ id: recordId('对账单') });

export const markSentSchema = z.object({ id: recordId('对账单'), date: businessDate('发出日期').nullable().default(null) });
/** Several statements sent together (the monthly post): all or none. */
export const markSentManySchema = z.object({
  ids: z.array(recordId('对账单')).min(1, '请至少选择一张对账单').max(1000, '一次最多标记 1000 张对账单'),
  date: businessDate('发出日期').nullable().default(null),
});
/**
 * The letterhead fields as typed in the company form, before they are saved
 * (so no field rule applies yet: the preview follows every keystroke).
 */
export const letterheadPreviewSchema = z.object({
  companyName: z.string().max(200).default(''),
  shortName: z.string().max(50).default(''),
  address: z.string().max(300).default(''),
  phone: z.string().max(50).default(''),
});

/** Statements ticked in the register, for one merged print. */
export const selectedSchema = z.object({
  ids: z.array(recordId('对账单')).min(1, '请至少选择一张对账单').max(500, '一次最多合并打印 500 张对账单'),
});
export const markConfirmedSchema = z.object({ id: recordId('对账单'), date: businessDate('确认日期') });
export const markDisputedSchema = z.object({
  id: recordId('对账单'),
  note: requiredText('异议说明', 500),
  /** The balance the customer says they owe (negative = they say we owe them). */
  customerFigureFen: signedFen('客户确认金额'),
});
export const attachSignedCopySchema = z.object({
  id: recordId('对账单'),
  fileName: requiredText('文件名', 255),
  dataBase64: z.string({ error: '请选择文件' }).min(1, { error: '请选择文件' }),
});
export const verifySchema = z.object({
  code: requiredText('核对码', 40).transform((v) => toHalfWidth(v)),
});

export const batchSchema = z
  .object({
    from: businessDate('开始日期'),
    to: businessDate('结束日期'),
    /** null = <data dir>/statements. */
    outDir: folderPath('输出文件夹').nullable().default(null),
    /** Regenerate statements already generated for this period (otherwise they are skipped). */
    force: z.boolean().default(false),
    /** Also write one PDF with every statement of the batch, for printing. */
    merged: z.boolean().default(false),
    /** Where the merged PDF goes; null = in outDir. */
    mergedPath: pdfPath('合并打印文件').nullable().default(null),
  })
  .superRefine(periodCheck);
export type BatchInput = z.input<typeof batchSchema>;

export const printSchema = z.object({
  id: recordId('对账单'),
  copies: z.number().int().min(1, { error: '份数至少为 1' }).max(20, { error: '一次最多打印 20 份' }).default(1),
  printerName: optionalText('打印机', 200),
});

export const statementSettingsSchema = z.object({
  orientation: z.enum(PAGE_ORIENTATIONS, { error: '纸张方向只能是纵向（portrait）或横向（landscape）' }),
  confirmationDays: z
    .number({ error: '天数必须是整数' })
    .int({ error: '天数必须是整数' })
    .min(1, { error: '天数至少为 1' })
    .max(365, { error: '天数最多为 365' }),
  /** The text printed above the signatures; {days} is replaced by confirmationDays. */
  confirmationText: requiredText('对账确认说明', 300),
  /** An installed .ttf/.otf font; null = the bundled Noto Sans SC. */
  fontPath: optionalText('字体文件', 1000).transform((v) => (v === '' ? null : v)),
  /** A sent statement not confirmed after this many days raises statement_unconfirmed. */
  unconfirmedAlertDays: z
    .number({ error: '天数必须是整数' })
    .int({ error: '天数必须是整数' })
    .min(1, { error: '天数至少为 1' })
    .max(365, { error: '天数最多为 365' }),
});
export type StatementSettingsInput = z.input<typeof statementSettingsSchema>;

// ---------------------------------------------------------------- outputs

export interface StatementSettings {
  orientation: StatementOrientation;
  confirmationDays: number;
  confirmationText: string;
  fontPath: string | null;
  unconfirmedAlertDays: number;
}

export interface StatementFontInfo {
  source: 'bundled' | 'system';
  family: string;
  path: string;
  /** Why the chosen system font is not used, or null. */
  warning: string | null;
}

export interface StatementSettingsView extends StatementSettings {
  /** The confirmation line as it will be printed. */
  confirmationPreview: string;
  /** The font statements are printed with now, or null with `fontError` when none is usable. */
  font: StatementFontInfo | null;
  fontError: string | null;
  /** Known single-file Chinese fonts that exist on this computer. */
  fontCandidates: { label: string; path: string }[];
  /** Where batches go when no folder is chosen. */
  defaultOutDir: string;
  updatedAt: string | null;
}

export interface StatementRecord {
  id: string;
  statementNo: string;
  customer: CustomerRef;
  periodFrom: string;
  periodTo: string;
  openingFen: number;
  closingFen: number;
  debitTotalFen: number;
  creditTotalFen: number;
  lineCount: number;
  linesSha256: string;
  verificationCode: string;
  pdfSha256: string;
  /** The stored copy, relative to the data dir. */
  filePath: string;
  /** Where the PDF was also written, or null. */
  outputPath: string | null;
  /** `<客户编码>_<客户名称>_<from>_<to>.pdf`, for save-as. */
  fileName: string;
  pages: number;
  orientation: StatementOrientation;
  generatedAt: string;
  generatedBy: string;
  status: StatementStatus;
  sentOn: string | null;
  confirmedOn: string | null;
  disputeNote: string | null;
  customerFigureFen: number | null;
  differenceFen: number | null;
  signedCopy: { sha256: string; fileName: string; mime: string; size: number } | null;
  /** A confirmation later overridden by a ledger write into its period. */
  affectedAt: string | null;
  affectedReason: string | null;
  /** The newer statement of the same customer and period, when this one was regenerated. */
  supersededBy: { id: string; statementNo: string } | null;
}

export type StatementLineOut = Pick<LedgerLineView, 'date' | 'docNo' | 'kind' | 'memo' | 'debitFen' | 'creditFen' | 'balanceFen'>;

export interface GeneratedStatement {
  statement: StatementRecord;
  /** The printed lines: exactly ledger.customerLedger's for the period. */
  lines: StatementLineOut[];
  closingInWords: string;
}

export interface StatementPage {
  rows: StatementRecord[];
  total: number;
}

export interface StatementFile {
  fileName: string;
  mime: string;
  dataBase64: string;
}

export interface VerifyResult {
  statement: StatementRecord;
  /** The ledger still gives the same lines and closing balance for that period. */
  matchesLedger: boolean;
}

export interface BatchFailure {
  customerCode: string;
  customerName: string;
  message: string;
}

export interface BatchResult {
  outDir: string;
  /** Customers the period concerns (non-zero opening or closing, or any document). */
  total: number;
  generated: number;
  skipped: number;
  failed: BatchFailure[];
  cancelled: boolean;
  /** The merged PDF, when asked for and written. */
  mergedPath: string | null;
  mergedPages: number | null;
  /** Why the merged PDF could not be written (the individual PDFs are unaffected), or null. */
  mergedError: string | null;
}

export interface BatchJobStatus extends BatchResult {
  jobId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  /** Customers handled so far (generated + skipped + failed). */
  done: number;
  /** The error that stopped the whole job (e.g. the folder became unwritable), or null. */
  error: string | null;
}

// ---------------------------------------------------------------- methods

const READS = ['statements', 'customers', 'stored_files'] as const;

export const statementMethods = {
  'statements.settings': method<StatementSettingsView>()(z.object({}), ['settings']),
  'statements.updateSettings': method<StatementSettingsView>()(statementSettingsSchema, []),
  'statements.generate': method<GeneratedStatement>()(generateStatementSchema, []),
  'statements.list': method<StatementPage>()(statementListSchema, [...READS]),
  'statements.get': method<StatementRecord>()(byId, [...READS]),
  'statements.getPdf': method<StatementFile>()(byId, [...READS]),
  'statements.getSignedCopy': method<StatementFile>()(byId, [...READS]),
  'statements.markSent': method<StatementRecord>()(markSentSchema, []),
  /** Marks every selected statement 已发出 on one date, in one transaction: one refusal leaves all of them as they were. */
  'statements.markSentMany': method<{ marked: number }>()(markSentManySchema, []),
  'statements.markConfirmed': method<StatementRecord>()(markConfirmedSchema, []),
  'statements.markDisputed': method<StatementRecord>()(markDisputedSchema, []),
  'statements.attachSignedCopy': method<StatementRecord>()(attachSignedCopySchema, []),
  'statements.verify': method<VerifyResult>()(verifySchema, [...READS, 'ar_documents']),
  /** Runs the whole batch before answering (CLI, scripts); the UI uses startBatch. */
  'statements.batch': method<BatchResult>()(batchSchema, []),
  'statements.startBatch': method<{ jobId: string }>()(batchSchema, []),
  'statements.jobStatus': method<BatchJobStatus>()(z.object({ jobId: recordId('任务') }), []),
  'statements.cancelJob': method<BatchJobStatus>()(z.object({ jobId: recordId('任务') }), []),
  /** The merged print file of a finished batch job (the browser harness downloads it to print). */
  'statements.batchMergedPdf': method<StatementFile>()(z.object({ jobId: recordId('任务') }), []),
  /** Desktop app only: prints the stored PDF (the browser harness downloads it instead). */
  'statements.print': method<{ printed: true }>()(printSchema, []),
  /** Desktop app only: opens the stored PDF in the system's PDF viewer. */
  'statements.openInViewer': method<{ path: string }>()(byId, []),
  /** Desktop app only: a main-process "另存为"/"选择文件夹" dialog; the path returned is granted as outPath/outDir (a file for one write, a folder for good; null = cancelled). Anyone who may print may ask: the grant only lets the methods they may call write there. */
  'statements.chooseOutputPath': method<{ path: string | null }>()(
    z.object({ kind: z.enum(['pdf', 'folder']), suggestedName: z.string().max(200, '建议文件名不能超过 200 个字符').default('') }),
    [],
  ),
  /**
   * Desktop 另存为…: writes the stored PDF of a statement to the path statements.chooseOutputPath
   * just granted (the dialog asked before replacing a file); any other path outside the data
   * directory is refused, and inside it an existing file is never replaced.
   */
  'statements.savePdf': method<{ path: string }>()(z.object({ id: recordId('对账单'), outPath: pdfPath('输出文件') }), []),
  /** The letterhead exactly as statements print it, from the typed (unsaved) profile and the stored logo: a short PDF page. */
  'statements.previewLetterhead': method<StatementFile>()(letterheadPreviewSchema, ['settings', 'stored_files']),
  /** 合并打印 of a register selection: one PDF, each statement from a new page with its own page x of y. */
  'statements.printSelected': method<StatementFile>()(selectedSchema, [...READS]),
  /** The register rows the filter gives (every page) as .xlsx. */
  'statements.exportXlsx': method<ExportFile>()(statementListSchema, [...READS]),
};
