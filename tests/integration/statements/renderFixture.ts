/**
 * A fixed statement rendered with the bundled font, printed as the sha256 of
 * its bytes. Run as a script by fontkitCache.test.ts in a child process with
 * the font cache switched off, and imported by the test itself.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolvePdfFont } from '../../../electron/services/statements/pdf/fonts';
import { renderPdf } from '../../../electron/services/statements/pdf/renderPdf';
import { buildStatementDoc } from '../../../electron/services/statements/pdf/statementDoc';
import type { StatementLine, StatementPdfData } from '../../../electron/services/statements/pdf/types';

export function fixedStatement(lineCount: number, name = '宁波顺达五金批发部'): StatementPdfData {
  const lines: StatementLine[] = [];
  let balance = 12_345_67;
  let debit = 0;
  let credit = 0;
  for (let i = 0; i < lineCount; i++) {
    const isDebit = i % 3 !== 2;
    const fen = 1_000 + i * 7_919;
    balance += isDebit ? fen : -fen;
    if (isDebit) debit += fen;
    else credit += fen;
    lines.push({
      date: `2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
      docNo: `${isDebit ? 'YS' : 'SK'}202611-${String(i + 1).padStart(4, '0')}`,
      kind: isDebit ? 'invoice' : 'receipt',
      memo: i % 4 === 0 ? '螺纹钢 HRB400 按合同第 3 批发货，承兑汇票到期日 2027-02-15（长摘要换行）' : '',
      debitFen: isDebit ? fen : 0,
      creditFen: isDebit ? 0 : fen,
      balanceFen: balance,
    });
  }
  return {
    company: { name: '杭州明远商贸有限公司', address: '浙江省杭州市拱墅区湖墅南路 188 号', phone: '0571-88886666', bankName: '工行湖墅支行', bankAccount: '1202 0210 0910 0123 456' },
    customer: { code: 'C0012', name, contactName: '王建国', contactPhone: '13857412266' },
    statementNo: 'DZ202611-0001',
    printDate: '2026-12-01',
    from: '2026-11-01',
    to: '2026-11-30',
    openingFen: 12_345_67,
    lines,
    totals: { debitFen: debit, creditFen: credit },
    closingFen: balance,
    aging: null,
    confirmationText: '如有不符，请于收到本对账单后 10 日内与我司联系，逾期视为确认无误。',
    verificationCode: 'ABCD-EFGH',
  };
}

export async function renderedSha(data: StatementPdfData): Promise<string> {
  const font = resolvePdfFont({ preferred: null, bundledDir: resolve('resources/fonts'), exists: existsSync });
  const doc = buildStatementDoc(data, { orientation: 'portrait', fontFamily: font.family, generatedAt: new Date('2026-12-01T02:00:00Z') });
  const { bytes } = await renderPdf(doc, font);
  return createHash('sha256').update(bytes).digest('hex');
}

if (process.argv[1] && process.argv[1].endsWith('renderFixture.ts')) {
  void renderedSha(fixedStatement(45)).then((sha) => process.stdout.write(sha));
}
