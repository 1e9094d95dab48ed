/**
 * The statement PDF as a reader sees it: rendered with the bundled font, then
 * read back with poppler's pdftotext (text and layout) and pdfinfo (pages,
 * size). Pages are also written as PNG into /tmp/pdfcheck for a human look.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFenPlain } from '../../../shared/money/format';
import { rmbUppercase } from '../../../shared/money/rmbUppercase';
import { buildStatementDoc } from '../../../electron/services/statements/pdf/statementDoc';
import { resolvePdfFont } from '../../../electron/services/statements/pdf/fonts';
import { pageCountOf, renderPdf } from '../../../electron/services/statements/pdf/renderPdf';
import type {
  PageOrientation,
  StatementLine,
  StatementLineKind,
  StatementPdfData,
} from '../../../electron/services/statements/pdf/types';
import { linesDigest, statementVerificationCode } from '../../../electron/services/statements/verificationCode';

const font = resolvePdfFont({ preferred: null, bundledDir: resolve('resources/fonts'), exists: existsSync });
const PNG_DIR = '/tmp/pdfcheck';
let workDir: string;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'dd-statement-pdf-'));
  mkdirSync(PNG_DIR, { recursive: true });
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** A small deterministic PNG (a red seal-like ring on white), built by hand to exercise the logo path. */
function logoPng(width = 96, height = 64): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const d = Math.hypot(x - height / 2, y - height / 2);
      const ring = d > height / 2 - 6 && d < height / 2 - 1;
      const bar = x > height + 4 && y > 20 && y < 44;
      const i = y * (width * 3 + 1) + 1 + x * 3;
      raw[i] = ring || bar ? 200 : 255;
      raw[i + 1] = ring || bar ? 30 : 255;
      raw[i + 2] = ring || bar ? 30 : 255;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const MEMOS = [
  '',
  '',
  '工行转账 回单号 20261105-88123',
  '退货：纸箱破损 3 件，按合同第 5 条折让',
  '11月货款',
  '承兑汇票 到期日 2027-02-15，票号 1310 0000 2026 1105 8812 3456 7890 1234 5678 9012（长摘要应在本列内换行，绝不越界）',
  '年度返利',
];
const KINDS: StatementLineKind[] = ['invoice', 'receipt', 'invoice', 'credit_note', 'invoice', 'receipt', 'refund'];
const DEBIT_KINDS = new Set<StatementLineKind>(['invoice', 'refund', 'opening']);

/** A statement whose figures agree with each other, with varied kinds, memos and large amounts. */
function makeStatement(lineCount: number, overrides: Partial<StatementPdfData> = {}): StatementPdfData {
  const openingFen = 1_234_567_89;
  let balance = openingFen;
  let debit = 0;
  let credit = 0;
  const lines: StatementLine[] = [];
  for (let i = 0; i < lineCount; i++) {
    const kind = KINDS[i % KINDS.length];
    // Deterministic, varied amounts from 0.01 up to about 9.9 million yuan.
    const fen = ((i * 7_919_731 + 12_345) % 990_000_000) + 1;
    const isDebit = DEBIT_KINDS.has(kind);
    balance += isDebit ? fen : -fen;
    if (isDebit) debit += fen;
    else credit += fen;
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push({
      date: `2026-11-${day}`,
      docNo: `${isDebit ? 'YS' : 'HK'}202611-${String(i + 1).padStart(4, '0')}`,
      kind,
      memo: MEMOS[i % MEMOS.length],
      debitFen: isDebit ? fen : 0,
      creditFen: isDebit ? 0 : fen,
      balanceFen: balance,
    });
  }
  const base: StatementPdfData = {
    company: {
      name: '杭州明远商贸有限公司',
      shortName: '明远商贸',
      address: '浙江省杭州市拱墅区湖墅南路 188 号 5 楼',
      phone: '0571-8888 6666',
      taxId: '91330105MA2KXXXX1Q',
      bankName: '中国工商银行杭州湖墅支行',
      bankAccount: '1202 0210 0910 0123 456',
      logoPng: null,
    },
    customer: { code: 'C0012', name: '宁波顺达五金批发部', contactName: '王建国', contactPhone: '138 5741 2266' },
    statementNo: 'DZ202611-0001',
    printDate: '2026-12-01',
    from: '2026-11-01',
    to: '2026-11-30',
    openingFen,
    lines,
    totals: { debitFen: debit, creditFen: credit },
    closingFen: balance,
    aging: null,
    confirmationText: '如有不符，请于收到本对账单后 10 日内与我司联系，逾期视为确认无误。',
    verificationCode: '',
    ...overrides,
  };
  if (base.closingFen === balance && base.aging === null) {
    // Aging of the closing balance: spread it over buckets, remainder in the first.
    const labels = ['未到期/当期', '1-30天', '31-60天', '61-90天', '91-180天', '181-365天', '365天以上'];
    const unappliedFen = 5_000_00;
    const total = balance + unappliedFen;
    const parts = [0, 0.2, 0.15, 0.1, 0.05, 0, 0.02].map((share) => Math.floor(total * share));
    parts[0] = total - parts.slice(1).reduce((a, b) => a + b, 0);
    base.aging = { labels, bucketsFen: parts, unappliedFen };
  }
  base.verificationCode = statementVerificationCode({
    statementNo: base.statementNo,
    customerCode: base.customer.code,
    from: base.from,
    to: base.to,
    closingFen: base.closingFen,
    linesSha256: linesDigest(base.lines),
  });
  return base;
}

async function renderToFile(data: StatementPdfData, orientation: PageOrientation, name: string) {
  const doc = buildStatementDoc(data, { orientation, fontFamily: font.family, generatedAt: new Date('2026-12-01T02:00:00Z') });
  const started = performance.now();
  const rendered = await renderPdf(doc, font);
  const ms = performance.now() - started;
  const file = join(workDir, `${name}.pdf`);
  writeFileSync(file, rendered.bytes);
  // A copy beside the PNGs, for opening by hand after a run.
  writeFileSync(join(PNG_DIR, `${name}.pdf`), rendered.bytes);
  return { ...rendered, file, ms };
}

const pdftotext = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
/** Plain reading order; -layout spreads short CJK runs like "第 1 页" unpredictably. */
const pdftextRaw = (file: string): string => execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
const pdfinfo = (file: string): string => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
const pngs = (file: string, prefix: string, pages = 2): void => {
  execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', String(pages), file, join(PNG_DIR, prefix)]);
};
/** pdftotext -layout pads columns with runs of spaces; compare on single spaces. */
const squash = (text: string): string => text.replace(/[ \u3000]+/g, ' ');

describe('statement PDF', () => {
  it('a 30-line statement reads back with every figure, the 大写, the code and page x of y', async () => {
    const data = makeStatement(30, {
      company: { ...makeStatement(0).company, logoPng: logoPng() },
    });
    const pdf = await renderToFile(data, 'portrait', 'statement-30');
    pngs(pdf.file, 'statement-30-portrait');
    const text = squash(pdftotext(pdf.file));

    expect(pdf.pages).toBe(pageCountOf(pdf.bytes));
    expect(pdfinfo(pdf.file)).toMatch(new RegExp(`Pages:\\s+${pdf.pages}\\b`));
    expect(text).toContain('客户对账单');
    expect(text).toContain('DZ202611-0001');
    expect(text).toContain('宁波顺达五金批发部');
    expect(text).toContain('期初余额');
    expect(text).toContain(formatFenPlain(data.openingFen));
    for (const line of data.lines) {
      expect(text).toContain(line.docNo);
      if (line.debitFen) expect(text).toContain(formatFenPlain(line.debitFen));
      if (line.creditFen) expect(text).toContain(formatFenPlain(line.creditFen));
      expect(text).toContain(formatFenPlain(line.balanceFen));
    }
    expect(text).toContain('本期合计');
    expect(text).toContain(formatFenPlain(data.totals.debitFen));
    expect(text).toContain(formatFenPlain(data.totals.creditFen));
    expect(text).toContain(formatFenPlain(data.closingFen));
    expect(text).toContain(rmbUppercase(data.closingFen));
    expect(text).toContain(`核对码：${data.verificationCode}`);
    const raw = pdftextRaw(pdf.file);
    for (let page = 1; page <= pdf.pages; page++) expect(raw).toContain(`第 ${page} 页 / 共 ${pdf.pages} 页`);
    console.info(`30-line statement with logo: ${pdf.pages} page(s), ${pdf.bytes.length} bytes, ${pdf.ms.toFixed(0)} ms`);
    // Kinds stand in for empty memos.
    expect(text).toContain('应收');
    expect(text).toContain('回款');
  });

  it('a one-page statement says 第 1 页 / 共 1 页 and stays under 150 KB', async () => {
    const data = makeStatement(8);
    const pdf = await renderToFile(data, 'portrait', 'statement-8');
    pngs(pdf.file, 'statement-8-portrait');
    const text = squash(pdftotext(pdf.file));
    expect(pdf.pages).toBe(1);
    expect(pdftextRaw(pdf.file)).toContain('第 1 页 / 共 1 页');
    expect(text).toContain(rmbUppercase(data.closingFen));
    expect(pdf.bytes.length).toBeLessThan(150 * 1024);
    console.info(`one-page statement: ${pdf.bytes.length} bytes, ${pdf.ms.toFixed(0)} ms (first render)`);

    // Warm renders: the budget the bench holds is 150 ms for a 30-line statement.
    const warm = await renderToFile(makeStatement(30), 'portrait', 'statement-30-warm');
    console.info(`30-line statement warm: ${warm.bytes.length} bytes, ${warm.ms.toFixed(0)} ms`);
  });

  it('a 2,000-line statement runs over many pages with the table header on every page', async () => {
    const data = makeStatement(2000);
    const pdf = await renderToFile(data, 'portrait', 'statement-2000');
    console.info(`2,000-line statement: ${pdf.pages} pages, ${pdf.bytes.length} bytes, ${pdf.ms.toFixed(0)} ms`);
    pngs(pdf.file, 'statement-2000', 2);
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', String(pdf.pages), '-l', String(pdf.pages), pdf.file, join(PNG_DIR, 'statement-2000-last')]);
    expect(pdf.pages).toBeGreaterThan(20);
    expect(pdfinfo(pdf.file)).toMatch(new RegExp(`Pages:\\s+${pdf.pages}\\b`));
    const pages = pdftotext(pdf.file).split('\f').filter((page) => page.trim() !== '');
    const rawPages = pdftextRaw(pdf.file).split('\f').filter((page) => page.trim() !== '');
    expect(pages).toHaveLength(pdf.pages);
    expect(rawPages).toHaveLength(pdf.pages);
    let pagesWithLines = 0;
    pages.forEach((page, index) => {
      const text = squash(page);
      expect(rawPages[index]).toContain(`第 ${index + 1} 页 / 共 ${pdf.pages} 页`);
      // Every page the table runs on starts with its header; a last page may
      // hold only the confirmation block, which keeps itself in one piece.
      if (!/(YS|HK)202611-\d{4}/.test(text)) return;
      pagesWithLines++;
      const header = text.indexOf('日期 单号 摘要 应收增加 收款/减少 余额');
      expect(header, `page ${index + 1}`).toBeGreaterThanOrEqual(0);
      expect(header).toBeLessThan(text.search(/(YS|HK)202611-\d{4}/));
    });
    expect(pagesWithLines).toBeGreaterThanOrEqual(pdf.pages - 1);
    const all = squash(pages.join('\n'));
    for (const line of data.lines) expect(all).toContain(line.docNo);
    expect(all).toContain(formatFenPlain(data.closingFen));
  });

  it('renders landscape A4 wider than tall, portrait taller than wide', async () => {
    const data = makeStatement(30);
    const landscape = await renderToFile(data, 'landscape', 'statement-30-landscape');
    const portrait = await renderToFile(data, 'portrait', 'statement-30-portrait');
    pngs(landscape.file, 'statement-30-landscape');
    expect(pdfinfo(landscape.file)).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    expect(pdfinfo(portrait.file)).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(squash(pdftotext(landscape.file))).toContain(rmbUppercase(data.closingFen));
  });

  it('labels a negative closing balance as 预收 with its words for the amount held', async () => {
    const base = makeStatement(0, { openingFen: -2_500_00 });
    const data = makeStatement(0, {
      openingFen: -2_500_00,
      closingFen: -2_500_00,
      totals: { debitFen: 0, creditFen: 0 },
      aging: { labels: ['未到期/当期', '1-30天'], bucketsFen: [0, 0], unappliedFen: 2_500_00 },
      verificationCode: base.verificationCode,
    });
    const pdf = await renderToFile(data, 'portrait', 'statement-advance');
    pngs(pdf.file, 'statement-advance');
    const text = squash(pdftotext(pdf.file));
    expect(text).toContain('预收');
    expect(text).toContain('¥2,500.00');
    expect(text).toContain('-2,500.00');
    expect(text).toContain('贰仟伍佰元整');
    expect(text).toContain('本期无往来业务');
  });

  it('keeps extreme content inside its columns and the page: long names, unbreakable memos, the largest amounts', async () => {
    const max = 99_999_999_999_999; // 999,999,999,999.99
    const longMemo = 'Q'.repeat(160);
    const lines: StatementLine[] = [
      { date: '2026-11-02', docNo: 'YS202611-A0001-RETURN-2', kind: 'invoice', memo: longMemo, debitFen: max, creditFen: 0, balanceFen: max },
      { date: '2026-11-03', docNo: 'HK202611-0001', kind: 'receipt', memo: '', debitFen: 0, creditFen: max - 1, balanceFen: 1 },
    ];
    const data = makeStatement(0, {
      company: {
        ...makeStatement(0).company,
        name: '杭州明远商贸有限公司暨浙江省五金交电化工建材供应链管理集团股份有限公司第二分公司',
      },
      customer: {
        code: 'C0012-LONG-CODE',
        name: '广州市番禺区某某某某五金交电化工建材批发经营部（普通合伙）第二分部及其关联企业',
        contactName: '欧阳王建国',
        contactPhone: '138 5741 2266 / 0571-8888 6666 转 8001',
      },
      openingFen: 0,
      lines,
      totals: { debitFen: max, creditFen: max - 1 },
      closingFen: 1,
      aging: { labels: ['未到期/当期'], bucketsFen: [1], unappliedFen: 0 },
    });
    for (const orientation of ['portrait', 'landscape'] as const) {
      const pdf = await renderToFile(data, orientation, `statement-extreme-${orientation}`);
      pngs(pdf.file, `statement-extreme-${orientation}`, 1);
      const bbox = execFileSync('pdftotext', ['-bbox', pdf.file, '-'], { encoding: 'utf8' });
      const pageWidth = Number(/<page width="([\d.]+)"/.exec(bbox)?.[1]);
      const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(
        (m) => ({ xMin: Number(m[1]), xMax: Number(m[2]), text: m[3] }),
      );
      const margin = 15 * (72 / 25.4);
      for (const word of words) {
        expect(word.xMin, word.text).toBeGreaterThanOrEqual(margin - 0.5);
        expect(word.xMax, word.text).toBeLessThanOrEqual(pageWidth - margin + 0.5);
      }
      // The memo wraps inside 摘要: none of it reaches the 应收增加 column.
      const debitHeader = words.find((w) => w.text === '应收增加');
      const memoWords = words.filter((w) => w.text.includes('QQ'));
      expect(memoWords.length).toBeGreaterThan(1);
      for (const word of memoWords) expect(word.xMax).toBeLessThan(debitHeader?.xMin ?? 0);
      // The largest amount stays on one line, whole.
      expect(words.map((w) => w.text)).toContain('999,999,999,999.99');
    }
  });

  it('refuses to lay out a statement whose figures disagree', () => {
    const data = makeStatement(5);
    expect(() => buildStatementDoc({ ...data, closingFen: data.closingFen + 1 }, { orientation: 'portrait', fontFamily: font.family })).toThrow(
      /对账单数据不一致/,
    );
    const lines = data.lines.map((line, i) => (i === 2 ? { ...line, balanceFen: line.balanceFen - 1 } : line));
    expect(() => buildStatementDoc({ ...data, lines }, { orientation: 'portrait', fontFamily: font.family })).toThrow(/余额应为/);
    expect(() =>
      buildStatementDoc({ ...data, totals: { ...data.totals, debitFen: 0 } }, { orientation: 'portrait', fontFamily: font.family }),
    ).toThrow(/本期合计/);
    const aging = data.aging && { ...data.aging, unappliedFen: data.aging.unappliedFen + 1 };
    expect(() => buildStatementDoc({ ...data, aging }, { orientation: 'portrait', fontFamily: font.family })).toThrow(/账龄/);
    const huge = 100_000_000_000_000; // 1,000,000,000,000.00: beyond what 大写 may say
    const hugeLines: StatementLine[] = [
      { date: '2026-11-02', docNo: 'YS1', kind: 'invoice', memo: '', debitFen: huge, creditFen: 0, balanceFen: huge },
    ];
    const tooLarge = { ...data, openingFen: 0, lines: hugeLines, totals: { debitFen: huge, creditFen: 0 }, closingFen: huge, aging: null };
    expect(() => buildStatementDoc(tooLarge, { orientation: 'portrait', fontFamily: font.family })).toThrow(/超出/);
  });

  it('gives the same bytes for the same data and creation date', async () => {
    const data = makeStatement(3);
    const a = await renderToFile(data, 'portrait', 'same-a');
    const b = await renderToFile(data, 'portrait', 'same-b');
    expect(a.bytes.equals(b.bytes)).toBe(true);
  });
});
