/**
 * The blocks under the ledger table of a statement: closing balance in words,
 * aging, our bank account and the two-party confirmation boxes. Kept apart
 * from statementDoc.ts so each file stays one readable concern.
 */
import { formatFen, formatFenPlain } from '../../../../shared/money/format';
import { rmbUppercase } from '../../../../shared/money/rmbUppercase';
import type { PdfContent, PdfTableLayout, StatementAging, StatementPdfData } from './types';

export const GRID_COLOR = '#8c8c8c';
export const MUTED_COLOR = '#555555';

/**
 * Column widths with every '*' resolved to a number. pdfmake widens a '*'
 * column to its longest unbreakable word (a memo of 60 digits, a long ASCII
 * name), which pushes a table past the page edge; a numeric width makes it
 * break the word inside the cell instead. `cellOverhead` is a column's
 * horizontal padding plus one vertical line, `edgeOverhead` the closing line.
 */
export function fitWidths(total: number, widths: (number | '*')[], cellOverhead: number, edgeOverhead = 0): number[] {
  const fixed = widths.reduce<number>((sum, w) => sum + (w === '*' ? 0 : w), 0);
  const stars = widths.filter((w) => w === '*').length;
  const free = total - fixed - widths.length * cellOverhead - edgeOverhead;
  const star = stars > 0 ? Math.floor((free / stars) * 100) / 100 : 0;
  if (stars > 0 && star < 20) throw new Error(`table does not fit: ${free} pt left for ${stars} flexible column(s)`);
  return widths.map((w) => (w === '*' ? star : w));
}

/**
 * An amount, right-aligned, set smaller when it would not fit its column on
 * one line (a wrapped amount is unreadable). The width is estimated per
 * character with the wider of Noto Sans SC Bold (digits 0.59 em) and SimHei,
 * a common system choice whose ASCII is all half-width (0.5 em): safe for
 * either font without measuring, and exact enough that ordinary amounts keep
 * the table's size.
 */
export function amountCell(text: string, width: number, fontSize: number, bold = false): PdfContent {
  const em = [...text].reduce((sum, ch) => sum + (ch >= '0' && ch <= '9' ? 0.59 : 0.5), 0);
  const fitting = Math.floor((width / em) * 10) / 10;
  return fitting < fontSize
    ? { text, alignment: 'right', bold, fontSize: Math.max(6, fitting) }
    : { text, alignment: 'right', bold };
}

/** Thin full grid: the look finance departments expect of a 对账单. */
export const gridLayout: PdfTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => GRID_COLOR,
  vLineColor: () => GRID_COLOR,
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 1.5,
  paddingBottom: () => 0.5,
};

/** Overheads of the layouts below, for fitWidths. */
export const GRID_OVERHEAD = { cell: 3 + 3 + 0.5, edge: 0.5 } as const;
const NO_LINES_CELL_OVERHEAD = 6;

const noLines: PdfTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 6,
  paddingTop: () => 1,
  paddingBottom: () => 1,
};

const BOX_PADDING = 8;
const boxLayout: PdfTableLayout = {
  hLineWidth: () => 0.75,
  vLineWidth: () => 0.75,
  hLineColor: () => '#333333',
  vLineColor: () => '#333333',
  paddingLeft: () => BOX_PADDING,
  paddingRight: () => BOX_PADDING,
  paddingTop: () => 6,
  paddingBottom: () => 6,
};

export const sectionTitle = (text: string): PdfContent => ({
  text,
  bold: true,
  fontSize: 9.5,
  margin: [0, 6, 0, 2],
});

/**
 * Closing balance in figures and words. A negative closing balance is money
 * the customer paid in advance (预收): it is labelled so and its words are
 * written for the amount held, since "负…元" on a paper the customer signs
 * reads as a debt the wrong way round. The signed figure still appears in
 * brackets so it matches the table's 余额 column exactly.
 */
export function closingBlock(closingFen: number, contentWidth: number): PdfContent {
  const advance = closingFen < 0;
  const label = advance ? '期末余额（预收款，贵司预付）' : '期末余额（贵司应付）';
  const figure = advance
    ? `${formatFen(-closingFen)}（账面余额 ${formatFenPlain(closingFen)}）`
    : formatFen(closingFen);
  const words = rmbUppercase(Math.abs(closingFen));
  // Labels are all full-width characters: one em (10 pt) each.
  const labelWidth = Math.max(label.length + 1, '人民币（大写）：'.length) * 10 + 2;
  return {
    table: {
      widths: fitWidths(contentWidth, [labelWidth, '*'], GRID_OVERHEAD.cell, GRID_OVERHEAD.edge),
      body: [
        [
          { text: `${label}：`, bold: true },
          { text: figure, bold: true },
        ],
        [{ text: '人民币（大写）：', bold: true }, { text: words, bold: true }],
      ],
    },
    layout: gridLayout,
    fontSize: 10,
    margin: [0, 6, 0, 0],
  };
}

/** Aging of the closing balance as one row of buckets, 预收 and the total (= closing). */
export function agingBlock(aging: StatementAging, asOf: string, closingFen: number, contentWidth: number): PdfContent[] {
  const fontSize = 8;
  const columns = aging.labels.length + (aging.unappliedFen !== 0 ? 1 : 0) + 1;
  const stars = Array.from({ length: columns }, () => '*' as const);
  const widths = fitWidths(contentWidth, stars, GRID_OVERHEAD.cell, GRID_OVERHEAD.edge);
  const cellWidth = widths[0];
  const header: PdfContent[] = aging.labels.map((label) => ({ text: label, bold: true, alignment: 'center' }));
  const values: PdfContent[] = aging.bucketsFen.map((fen) =>
    fen === 0 ? { text: '—', alignment: 'right' } : amountCell(formatFenPlain(fen), cellWidth, fontSize),
  );
  if (aging.unappliedFen !== 0) {
    header.push({ text: '减：预收', bold: true, alignment: 'center' });
    values.push(amountCell(formatFenPlain(aging.unappliedFen), cellWidth, fontSize));
  }
  header.push({ text: '合计', bold: true, alignment: 'center' });
  values.push(amountCell(formatFenPlain(closingFen), cellWidth, fontSize, true));
  return [
    sectionTitle(`账龄分析（按到期日，截至 ${asOf}）`),
    {
      table: { headerRows: 1, dontBreakRows: true, widths, body: [header, values] },
      layout: { ...gridLayout, fillColor: (row) => (row === 0 ? '#eeeeee' : null) },
      fontSize,
    },
  ];
}

/** Where the customer pays: our account. Omitted when the company profile has no bank data. */
export function bankBlock(company: StatementPdfData['company'], contentWidth: number): PdfContent[] {
  if (!company.bankName && !company.bankAccount) return [];
  const label = (text: string): PdfContent => ({ text, color: MUTED_COLOR });
  // Two rows of label/value pairs: the account must be easy to copy, but it
  // should not take the height a second page would need.
  return [
    sectionTitle('我司收款账户'),
    {
      table: {
        widths: fitWidths(contentWidth, [40, '*', 40, '*'], NO_LINES_CELL_OVERHEAD),
        body: [
          [label('户　名：'), company.name, label('开户行：'), company.bankName ?? ''],
          [
            label('账　号：'),
            { text: company.bankAccount ?? '', bold: true },
            label(company.taxId ? '税　号：' : ''),
            company.taxId ?? '',
          ],
        ],
      },
      layout: noLines,
      fontSize: 9,
    },
  ];
}

/**
 * A label followed by a ruled line to write on. The line length is computed
 * from the known box width, because a canvas does not shrink to its column
 * and a fixed length would overflow a narrow (portrait) box.
 */
function writeOnLine(label: string, lineWidth: number): PdfContent {
  return {
    columns: [
      { text: label, width: 'auto' },
      { canvas: [{ type: 'line', x1: 2, y1: 11, x2: lineWidth, y2: 11, lineWidth: 0.5 }], width: '*' },
    ],
    columnGap: 0,
    margin: [0, 5, 0, 0],
  };
}

// Built fresh for every use: pdfmake annotates the nodes it lays out, so one
// node object placed twice in a document renders only once.
const dateLine = (): PdfContent => ({ text: '日　　期：　　　　年　　月　　日', margin: [0, 6, 0, 0] });

/** "我方确认：name" on one line, the party in bold. */
const boxTitle = (party: string, name: string): PdfContent => ({
  text: [{ text: `${party}：`, bold: true, fontSize: 10 }, { text: name, bold: true }],
});

/** Seal label; the free space under it is where the round seal goes. */
const sealSpace = (height: number): PdfContent => ({ text: '盖　　章：', margin: [0, 6, 0, height] });

/**
 * Seal space: a round company seal is 40 mm across and is customarily stamped
 * over the party's name and signature, so about 14 mm of free height under
 * the label is enough when the seal sits below the lines (portrait); beside
 * the lines (landscape) the lines themselves give it the height.
 */
const SEAL_SPACE_BELOW = 38;
/** Width of the seal column in the wide (landscape) boxes: 40 mm. */
const SEAL_COLUMN = 40 * (72 / 25.4);
/** Labels are at most six 9 pt characters wide. */
const LABEL_WIDTH = 6 * 9 + 4;

/**
 * Two boxes side by side, ours and the customer's, each with signature, seal
 * space and date. They are the outer cells of one three-column table (the
 * middle cell is a borderless gap) so both boxes get the same height, and the
 * block is unbreakable so a signature never sits on a different sheet than
 * the text it confirms. On a wide (landscape) page the seal space moves beside
 * the lines, which saves the height that would otherwise push the block onto
 * a page of its own.
 */
export function confirmationBlock(data: StatementPdfData, contentWidth: number): PdfContent {
  // Three cells of padding on both sides, four vertical lines; the gap cell itself is 0 wide.
  const boxInner = (contentWidth - 6 * BOX_PADDING - 4 * 0.75) / 2;
  // Wide enough when the lines keep about 70 mm beside the seal column (landscape A4, not portrait).
  const wide = boxInner - SEAL_COLUMN > 200;
  const linesWidth = wide ? boxInner - SEAL_COLUMN - 8 : boxInner;
  const lineWidth = Math.max(40, linesWidth - LABEL_WIDTH);

  // Our box restates the balance we ask the customer to confirm, and has as
  // many lines as the customer's box so the two read as a matching pair.
  const balance =
    data.closingFen < 0
      ? `截至 ${data.to} 贵司预付款余额 ${formatFen(-data.closingFen)}`
      : `截至 ${data.to} 贵司应付余额 ${formatFen(data.closingFen)}`;
  const oursLines: PdfContent[] = [
    { text: balance, margin: [0, 5, 0, 0] },
    writeOnLine('经办人签字：', lineWidth),
    data.company.phone
      ? { text: `联系电话：${data.company.phone}`, margin: [0, 5, 0, 0] }
      : writeOnLine('联系电话：', lineWidth),
  ];
  const theirsLines: PdfContent[] = [
    { text: '核对结果：□ 核对相符　　□ 不符（请注明差异）', margin: [0, 5, 0, 0] },
    writeOnLine('差异说明：', lineWidth),
    writeOnLine('经办人签字：', lineWidth),
  ];
  const box = (title: PdfContent, lines: PdfContent[]): PdfContent =>
    wide
      ? {
          stack: [
            title,
            {
              columns: [
                { stack: [...lines, dateLine()], width: '*' },
                { stack: [sealSpace(0)], width: SEAL_COLUMN },
              ],
              columnGap: 8,
            },
          ],
        }
      : { stack: [title, ...lines, sealSpace(SEAL_SPACE_BELOW), dateLine()] };

  const gapCell: PdfContent = { text: '', border: [false, false, false, false] };
  return {
    stack: [
      sectionTitle('对账确认'),
      { text: data.confirmationText, fontSize: 9, margin: [0, 0, 0, 4] },
      {
        table: {
          widths: fitWidths(contentWidth, ['*', 0, '*'], 2 * BOX_PADDING + 0.75, 0.75),
          body: [
            [
              box(boxTitle('我方确认', data.company.name), oursLines),
              gapCell,
              box(boxTitle('客户方确认', data.customer.name), theirsLines),
            ],
          ],
        },
        layout: boxLayout,
      },
      {
        text: `核对码：${data.verificationCode}　（凭此码可在我司登记簿中核对本对账单）`,
        fontSize: 7,
        color: MUTED_COLOR,
        alignment: 'right',
        margin: [0, 3, 0, 0],
      },
    ],
    unbreakable: true,
    fontSize: 9,
  };
}
