/**
 * The data a statement PDF is drawn from, and the small part of pdfmake's
 * document-definition vocabulary the statement uses. pdfmake 0.3 ships no
 * TypeScript types; describing only what we use keeps the boundary typed
 * without pulling in a community typings package that lags the library.
 */

/** Ledger kinds as they appear on a statement line (DESIGN.md §3 ar_documents.kind, plus voids). */
export type StatementLineKind = 'opening' | 'invoice' | 'receipt' | 'credit_note' | 'write_off' | 'refund' | 'void';

export interface StatementLine {
  /** Business date YYYY-MM-DD. */
  date: string;
  docNo: string;
  kind: StatementLineKind;
  /** Free text; may be empty, then the kind is shown in 摘要 instead. */
  memo: string;
  /** Exactly one of debitFen / creditFen is > 0 on a ledger line; the other is 0. */
  debitFen: number;
  creditFen: number;
  /** Running balance after this line (debit positive). */
  balanceFen: number;
}

export interface StatementAging {
  /** Bucket labels in display order, e.g. 未到期/当期, 1–30天, … */
  labels: string[];
  /** Open amount per bucket, same order and length as labels. */
  bucketsFen: number[];
  /** Unapplied credits (预收), shown as its own column and subtracted. */
  unappliedFen: number;
}

export interface StatementCompany {
  name: string;
  shortName?: string;
  address?: string;
  phone?: string;
  taxId?: string;
  bankName?: string;
  bankAccount?: string;
  /** PNG bytes of the letterhead logo, when the company profile has one. */
  logoPng?: Buffer | null;
}

export interface StatementCustomer {
  code: string;
  name: string;
  contactName?: string;
  contactPhone?: string;
}

export interface StatementPdfData {
  company: StatementCompany;
  customer: StatementCustomer;
  /** e.g. DZ202611-0001 (month of the period end). */
  statementNo: string;
  /** YYYY-MM-DD, from the office clock. */
  printDate: string;
  from: string;
  to: string;
  openingFen: number;
  lines: StatementLine[];
  totals: { debitFen: number; creditFen: number };
  closingFen: number;
  /** Aging of the closing balance on the due-date basis as of `to`; null when not available. */
  aging: StatementAging | null;
  /** e.g. 如有不符，请于收到本对账单后 10 日内与我司联系，逾期视为确认无误。 */
  confirmationText: string;
  /** XXXX-XXXX, see ../verificationCode.ts. */
  verificationCode: string;
}

export type PageOrientation = 'portrait' | 'landscape';

// ---------------------------------------------------------------------------
// pdfmake document definition: the subset used here.
// ---------------------------------------------------------------------------

export type PdfAlignment = 'left' | 'right' | 'center' | 'justify';

export interface PdfStyle {
  font?: string;
  fontSize?: number;
  bold?: boolean;
  color?: string;
  fillColor?: string;
  alignment?: PdfAlignment;
  lineHeight?: number;
  characterSpacing?: number;
  noWrap?: boolean;
  /** left, top, right, bottom in points. */
  margin?: [number, number, number, number];
  /** As a table cell: which of its borders (left, top, right, bottom) are drawn. */
  border?: [boolean, boolean, boolean, boolean];
}

export interface PdfTableLayout {
  hLineWidth?: (rowIndex: number, node: PdfTableNode) => number;
  vLineWidth?: (columnIndex: number, node: PdfTableNode) => number;
  hLineColor?: (rowIndex: number, node: PdfTableNode) => string;
  vLineColor?: (columnIndex: number, node: PdfTableNode) => string;
  paddingLeft?: (columnIndex: number, node: PdfTableNode) => number;
  paddingRight?: (columnIndex: number, node: PdfTableNode) => number;
  paddingTop?: (rowIndex: number, node: PdfTableNode) => number;
  paddingBottom?: (rowIndex: number, node: PdfTableNode) => number;
  fillColor?: (rowIndex: number, node: PdfTableNode, columnIndex: number) => string | null;
}

export interface PdfTable {
  /** Rows repeated at the top of every page the table continues on. */
  headerRows?: number;
  /** Keep the header with at least this many body rows (no orphan header at a page bottom). */
  keepWithHeaderRows?: number;
  dontBreakRows?: boolean;
  widths: (number | '*' | 'auto')[];
  body: PdfContent[][];
}

export interface PdfTableNode extends PdfStyle {
  table: PdfTable;
  layout?: PdfTableLayout | 'noBorders' | 'lightHorizontalLines' | 'headerLineOnly';
}

export interface PdfTextNode extends PdfStyle {
  text: string | PdfContent[];
  colSpan?: number;
  rowSpan?: number;
}

export interface PdfStackNode extends PdfStyle {
  stack: PdfContent[];
  unbreakable?: boolean;
  colSpan?: number;
}

export interface PdfColumnsNode extends PdfStyle {
  columns: (PdfContent & { width?: number | '*' | 'auto' })[];
  columnGap?: number;
}

export interface PdfImageNode extends PdfStyle {
  /** Key into PdfDocDefinition.images, or a data URL. */
  image: string;
  fit?: [number, number];
  width?: number;
}

export interface PdfCanvasLine {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth?: number;
  lineColor?: string;
}

export interface PdfCanvasRect {
  type: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  lineWidth?: number;
  lineColor?: string;
  r?: number;
}

export interface PdfCanvasNode extends PdfStyle {
  canvas: (PdfCanvasLine | PdfCanvasRect)[];
}

/** A cell placeholder under a colSpan / rowSpan. */
export type PdfEmptyCell = Record<string, never>;

export type PdfContent =
  | string
  | PdfTextNode
  | PdfStackNode
  | PdfColumnsNode
  | PdfTableNode
  | PdfImageNode
  | PdfCanvasNode
  | PdfEmptyCell;

export interface PdfDocDefinition {
  /** A4, or a page cut to a size in points (the letterhead preview). */
  pageSize: 'A4' | { width: number; height: number };
  pageOrientation: PageOrientation;
  /** left, top, right, bottom in points (1 mm = 2.835 pt). */
  pageMargins: [number, number, number, number];
  info?: {
    title?: string;
    author?: string;
    subject?: string;
    creator?: string;
    /** Fixing it (from the injected clock) makes the PDF bytes reproducible for the same data. */
    creationDate?: Date;
  };
  content: PdfContent[];
  /** Drawn in the top margin; null leaves a page's top margin empty. */
  header?: (currentPage: number, pageCount: number) => PdfContent | null;
  footer?: (currentPage: number, pageCount: number) => PdfContent;
  images?: Record<string, string>;
  defaultStyle: PdfStyle;
  styles?: Record<string, PdfStyle>;
}

/** Font files for one family, as pdfmake's setFonts wants them. */
export interface PdfFontFiles {
  family: string;
  normal: string;
  bold: string;
}
