/**
 * The statement (客户对账单) as a pdfmake document definition: pure data in,
 * pure data out, so the layout is testable without rendering and the same
 * definition serves preview, save, print and batch.
 *
 * Before laying anything out, the figures are checked against each other
 * (running balances, totals, closing, aging): a statement is signed by the
 * customer as proof of the debt, so one whose own arithmetic disagrees must
 * never be printed.
 */
import { DomainError } from '../../../../shared/errors';
import { formatFenPlain } from '../../../../shared/money/format';
import { RMB_UPPERCASE_MAX_FEN } from '../../../../shared/money/rmbUppercase';
import {
  GRID_OVERHEAD,
  MUTED_COLOR,
  agingBlock,
  amountCell,
  bankBlock,
  closingBlock,
  confirmationBlock,
  fitWidths,
  gridLayout,
} from './statementBlocks';
import type {
  PageOrientation,
  PdfContent,
  PdfDocDefinition,
  StatementLine,
  StatementLineKind,
  StatementPdfData,
} from './types';

export interface StatementDocOptions {
  orientation: PageOrientation;
  /** The pdfmake family registered by renderPdf (see fonts.ts). */
  fontFamily: string;
  /** The PDF's creation date; pass the clock's now so equal data gives equal bytes. */
  generatedAt?: Date;
}

const PT_PER_MM = 72 / 25.4;
const A4 = { short: 595.28, long: 841.89 };
/**
 * 15 mm at the sides and 14 mm at the top keep clear of the unprintable edge
 * of office laser/inkjet printers (3–6 mm) with room to spare; 17 mm at the
 * bottom holds the page footer.
 */
const MARGINS: [number, number, number, number] = [15 * PT_PER_MM, 14 * PT_PER_MM, 15 * PT_PER_MM, 17 * PT_PER_MM];

/**
 * Fixed widths (content width, padding excluded) for every column but 摘要,
 * which takes the rest, so a long memo wraps inside its own column instead of
 * pushing the table wider. Measured with Noto Sans SC at 8.5 pt: a date is
 * 44 pt, a 14-character document number 67 pt (bold 71), 999,999,999.99 is
 * 59 pt (bold 64) and the largest amount, 999,999,999,999.99, 76 pt (bold 81).
 * Amounts too wide for their column are set smaller (amountCell), never wrapped.
 */
const LEDGER_WIDTHS: Record<PageOrientation, (number | '*')[]> = {
  portrait: [50, 76, '*', 74, 74, 78],
  landscape: [60, 100, '*', 96, 96, 100],
};

export const KIND_LABELS: Record<StatementLineKind, string> = {
  opening: '期初',
  invoice: '应收',
  receipt: '回款',
  credit_note: '退货折让',
  write_off: '坏账核销',
  refund: '退款',
  void: '冲销',
};

const fail = (message: string): never => {
  throw new DomainError('internal', `对账单数据不一致：${message}`, null);
};

/** The statement's own arithmetic, checked to the fen. */
function assertConsistent(data: StatementPdfData): void {
  const isFen = (n: number) => Number.isSafeInteger(n);
  if (!isFen(data.openingFen) || !isFen(data.closingFen)) fail('期初或期末金额不是整数分');
  let balance = data.openingFen;
  let debit = 0;
  let credit = 0;
  for (const line of data.lines) {
    if (!isFen(line.debitFen) || !isFen(line.creditFen) || !isFen(line.balanceFen)) {
      fail(`单据 ${line.docNo} 的金额不是整数分`);
    }
    if (line.debitFen < 0 || line.creditFen < 0) fail(`单据 ${line.docNo} 的金额为负数`);
    balance += line.debitFen - line.creditFen;
    debit += line.debitFen;
    credit += line.creditFen;
    if (balance !== line.balanceFen) fail(`单据 ${line.docNo} 的余额应为 ${formatFenPlain(balance)}`);
  }
  if (debit !== data.totals.debitFen || credit !== data.totals.creditFen) fail('本期合计与明细之和不符');
  if (balance !== data.closingFen) fail(`期末余额应为 ${formatFenPlain(balance)}`);
  if (Math.abs(data.closingFen) > RMB_UPPERCASE_MAX_FEN) fail('期末余额超出可用大写书写的金额（999,999,999,999.99）');
  if (data.aging) {
    const { labels, bucketsFen, unappliedFen } = data.aging;
    if (labels.length !== bucketsFen.length) fail('账龄分段与金额个数不符');
    const agedTotal = bucketsFen.reduce((sum, fen) => sum + fen, 0) - unappliedFen;
    if (agedTotal !== data.closingFen) fail('账龄合计与期末余额不符');
  }
}

const LEDGER_FONT_SIZE = 8.5;

/** The memo, or the kind in Chinese when there is none (a kind from newer data prints as stored rather than blank). */
const summary = (line: StatementLine): string =>
  line.memo.trim() === '' ? (KIND_LABELS[line.kind] ?? line.kind) : line.memo;

function ledgerTable(data: StatementPdfData, orientation: PageOrientation, contentWidth: number): PdfContent {
  const widths = fitWidths(contentWidth, LEDGER_WIDTHS[orientation], GRID_OVERHEAD.cell, GRID_OVERHEAD.edge);
  const amount = (fen: number, column: 3 | 4 | 5, bold = false): PdfContent =>
    amountCell(formatFenPlain(fen), widths[column], LEDGER_FONT_SIZE, bold);
  // A line's debit or credit cell stays empty at zero: a ledger line has one side.
  const side = (fen: number, column: 3 | 4): PdfContent => (fen === 0 ? '' : amount(fen, column));

  const head = ['日期', '单号', '摘要', '应收增加', '收款/减少', '余额'].map(
    (text): PdfContent => ({ text, bold: true, alignment: 'center' }),
  );
  const body: PdfContent[][] = [head];
  body.push([data.from, '', { text: '期初余额', bold: true }, '', '', amount(data.openingFen, 5, true)]);
  if (data.lines.length === 0) {
    // Say so explicitly: an empty table could be mistaken for a printing fault.
    body.push(['', '', { text: '本期无往来业务', color: MUTED_COLOR }, '', '', '']);
  }
  for (const line of data.lines) {
    body.push([
      line.date,
      line.docNo,
      summary(line),
      side(line.debitFen, 3),
      side(line.creditFen, 4),
      amount(line.balanceFen, 5),
    ]);
  }
  const totalsRow: PdfContent[] = [
    '',
    '',
    { text: '本期合计', bold: true },
    amount(data.totals.debitFen, 3, true),
    amount(data.totals.creditFen, 4, true),
    amount(data.closingFen, 5, true),
  ];
  body.push(totalsRow);
  const lastRow = body.length - 1;
  return {
    table: {
      // The column titles repeat at the top of every page; a wrapped memo row
      // is never cut in half; the header never sits alone at a page bottom.
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths,
      body,
    },
    layout: {
      ...gridLayout,
      fillColor: (row) => (row === 0 ? '#e8e8e8' : row === 1 || row === lastRow ? '#f5f5f5' : null),
    },
    fontSize: LEDGER_FONT_SIZE,
    // Noto Sans' own line gap is generous (1.45 em); rows read fine without extra leading.
    lineHeight: 1,
  };
}

const contactLine = (text: string): PdfContent => ({
  text,
  fontSize: 8.5,
  color: MUTED_COLOR,
  alignment: 'center',
  margin: [0, 2, 0, 0],
});

function letterhead(company: StatementPdfData['company'], hasLogo: boolean, contentWidth: number): PdfContent[] {
  const contact = [company.address ? `地址：${company.address}` : '', company.phone ? `电话：${company.phone}` : '']
    .filter((part) => part !== '')
    .join('　　');
  const centre: PdfContent = {
    stack: [
      { text: company.name, fontSize: 16, bold: true, alignment: 'center' },
      ...(contact ? [contactLine(contact)] : []),
    ],
  };
  // With a logo the name stays centred on the page: logo left, equal spacer right.
  const top: PdfContent = hasLogo
    ? {
        columns: [
          { image: 'logo', fit: [64, 40], width: 70 },
          { ...centre, width: contentWidth - 140 },
          { text: '', width: 70 },
        ],
        columnGap: 0,
      }
    : centre;
  // A thick-thin double rule under the letterhead, as on printed company stationery.
  const rule = (y: number, lineWidth: number) => ({
    type: 'line' as const,
    x1: 0,
    y1: y,
    x2: contentWidth,
    y2: y,
    lineWidth,
  });
  return [top, { canvas: [rule(0, 1.2), rule(2.4, 0.4)], margin: [0, 5, 0, 0] }];
}

function infoBlock(data: StatementPdfData, contentWidth: number): PdfContent {
  const label = (text: string): PdfContent => ({ text, color: MUTED_COLOR });
  const { customer } = data;
  const contact = [customer.contactName, customer.contactPhone].filter((s) => s && s.trim() !== '').join('　');
  return {
    table: {
      // Five 9 pt characters per label; the period (…至…) needs about 110 pt.
      widths: fitWidths(contentWidth, [48, '*', 48, 120], 8),
      body: [
        [label('客户名称：'), { text: customer.name, bold: true }, label('对账单号：'), data.statementNo],
        [label('客户编码：'), customer.code, label('对账期间：'), `${data.from} 至 ${data.to}`],
        [label('联 系 人：'), contact, label('打印日期：'), data.printDate],
      ],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: () => 0,
      paddingRight: () => 8,
      paddingTop: () => 1,
      paddingBottom: () => 1,
    },
    fontSize: 9,
    margin: [0, 4, 0, 3],
  };
}

export function buildStatementDoc(data: StatementPdfData, opts: StatementDocOptions): PdfDocDefinition {
  assertConsistent(data);
  const pageWidth = opts.orientation === 'portrait' ? A4.short : A4.long;
  const contentWidth = pageWidth - MARGINS[0] - MARGINS[2];
  const logo = data.company.logoPng && data.company.logoPng.length > 0 ? data.company.logoPng : null;

  const content: PdfContent[] = [
    ...letterhead(data.company, logo !== null, contentWidth),
    { text: '客户对账单', fontSize: 17, bold: true, alignment: 'center', characterSpacing: 6, margin: [0, 6, 0, 0] },
    infoBlock(data, contentWidth),
    {
      text: `贵我双方 ${data.from} 至 ${data.to} 的往来明细如下（金额单位：人民币元）：`,
      fontSize: 9,
      margin: [0, 0, 0, 3],
    },
    ledgerTable(data, opts.orientation, contentWidth),
    closingBlock(data.closingFen, contentWidth),
    ...(data.aging ? agingBlock(data.aging, data.to, data.closingFen, contentWidth) : []),
    ...bankBlock(data.company, contentWidth),
    confirmationBlock(data, contentWidth),
  ];

  const side = MARGINS[0];
  const doc: PdfDocDefinition = {
    pageSize: 'A4',
    pageOrientation: opts.orientation,
    pageMargins: MARGINS,
    info: {
      title: `客户对账单 ${data.statementNo} ${data.customer.name}`,
      author: data.company.name,
      subject: `${data.customer.code} ${data.from} 至 ${data.to}`,
      creator: 'DealerDesk 经销往来',
      ...(opts.generatedAt ? { creationDate: opts.generatedAt } : {}),
    },
    content,
    // Continuation pages say whose statement they belong to, in case sheets get separated.
    header: (currentPage) =>
      currentPage === 1
        ? null
        : {
            text: `${data.company.name}　客户对账单 ${data.statementNo}　${data.customer.name}（续）`,
            fontSize: 7.5,
            color: MUTED_COLOR,
            margin: [side, 18, side, 0],
          },
    footer: (currentPage, pageCount) => ({
      columns: [
        {
          text: `对账单号 ${data.statementNo}　核对码：${data.verificationCode}`,
          fontSize: 7.5,
          color: MUTED_COLOR,
          width: '*',
        },
        { text: `第 ${currentPage} 页 / 共 ${pageCount} 页`, fontSize: 8.5, alignment: 'right', width: 'auto' },
      ],
      margin: [side, 16, side, 0],
    }),
    defaultStyle: { font: opts.fontFamily, fontSize: 9, lineHeight: 1.05 },
  };
  if (logo) doc.images = { logo: `data:image/png;base64,${logo.toString('base64')}` };
  return doc;
}

/** Height of the letterhead preview page: the letterhead with a logo and the double rule, with the top margin. */
const LETTERHEAD_PAGE_HEIGHT = 100;

/**
 * Just the letterhead, exactly as a statement prints it (the same function,
 * page width, margins and font), on a page cut short: the preview the
 * company step of the first-run wizard shows while the name is typed.
 */
export function buildLetterheadDoc(company: StatementPdfData['company'], opts: Omit<StatementDocOptions, 'generatedAt'>): PdfDocDefinition {
  const pageWidth = opts.orientation === 'portrait' ? A4.short : A4.long;
  const contentWidth = pageWidth - MARGINS[0] - MARGINS[2];
  const logo = company.logoPng && company.logoPng.length > 0 ? company.logoPng : null;
  const doc: PdfDocDefinition = {
    pageSize: { width: pageWidth, height: LETTERHEAD_PAGE_HEIGHT },
    // pdfmake swaps a page's sides to match the orientation: wider than high is landscape.
    pageOrientation: 'landscape',
    pageMargins: [MARGINS[0], MARGINS[1], MARGINS[2], 0],
    // A fixed date makes equal input give equal bytes, so the screen can keep the page it shows.
    info: { title: `${company.name} 信头预览`, creator: 'DealerDesk 经销往来', creationDate: new Date(0) },
    content: letterhead(company, logo !== null, contentWidth),
    defaultStyle: { font: opts.fontFamily, fontSize: 9, lineHeight: 1.05 },
  };
  if (logo) doc.images = { logo: `data:image/png;base64,${logo.toString('base64')}` };
  return doc;
}
