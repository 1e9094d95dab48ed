/**
 * A generated statement against the ledger: the text read back from the PDF
 * holds the opening, every line, the totals, the closing and its 大写, and
 * they are the ledger's own figures for random histories; the register holds
 * the sha256 of the exact bytes written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerLedger } from '../../../shared/api/ledger';
import type { GeneratedStatement, StatementRecord } from '../../../shared/api/statements';
import { formatFenPlain } from '../../../shared/money/format';
import { rmbUppercase } from '../../../shared/money/rmbUppercase';
import type { TempRuntime } from '../../helpers/tempRuntime';
import { customer, footprint, pdfRaw, pdfText, post, randomHistory, refusal, seeded, sha256File, statementRuntime } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await statementRuntime();
});
afterEach(() => t.cleanup());

const generate = (input: Record<string, unknown>) => t.rt.invoke<GeneratedStatement>('statements.generate', input);

describe('statements.generate', () => {
  it('prints exactly the ledger of the period, for random histories', async () => {
    const periods: [string | null, string | null][] = [
      ['2026-10-01', '2026-10-31'],
      ['2026-09-15', '2026-11-20'],
      [null, '2026-11-30'],
      ['2026-11-01', null],
    ];
    for (let seed = 1; seed <= 4; seed++) {
      const rng = seeded(seed);
      const c = await customer(t, `C${String(seed).padStart(4, '0')}`, `随机客户${seed}号`);
      await randomHistory(t, c.id, rng, 14 + seed * 3);
      const [from, to] = periods[seed - 1];
      const out = path.join(t.dir, `out-${seed}.pdf`);
      const g = await generate({ customerId: c.id, from, to, outPath: out });
      const ledger = await t.rt.invoke<CustomerLedger>('ledger.customerLedger', { customerId: c.id, from, to });

      expect(g.statement).toMatchObject({
        periodFrom: ledger.from,
        periodTo: ledger.to,
        openingFen: ledger.openingFen,
        closingFen: ledger.closingFen,
        debitTotalFen: ledger.totals.debitFen,
        creditTotalFen: ledger.totals.creditFen,
        lineCount: ledger.lines.length,
      });
      expect(g.lines).toEqual(ledger.lines.map(({ date, docNo, kind, memo, debitFen, creditFen, balanceFen }) => ({ date, docNo, kind, memo, debitFen, creditFen, balanceFen })));
      expect(g.closingInWords).toBe(rmbUppercase(ledger.closingFen));

      const text = pdfText(out);
      expect(text).toContain(g.statement.statementNo);
      expect(text).toContain(`${ledger.from} 至 ${ledger.to}`);
      expect(text).toContain(formatFenPlain(ledger.openingFen));
      for (const line of ledger.lines) {
        expect(text).toContain(line.docNo);
        expect(text).toContain(line.date);
        if (line.debitFen) expect(text).toContain(formatFenPlain(line.debitFen));
        if (line.creditFen) expect(text).toContain(formatFenPlain(line.creditFen));
        expect(text).toContain(formatFenPlain(line.balanceFen));
      }
      expect(text).toContain('本期合计');
      expect(text).toContain(formatFenPlain(ledger.totals.debitFen));
      expect(text).toContain(formatFenPlain(ledger.totals.creditFen));
      expect(text).toContain(formatFenPlain(ledger.closingFen));
      // The paper states a prepayment as 预收款 with the amount's 大写 (no 负 on a document the customer signs).
      expect(text).toContain(rmbUppercase(Math.abs(ledger.closingFen)));
      if (ledger.closingFen < 0) expect(text).toContain('预收款');
      expect(pdfRaw(out)).toContain(`核对码：${g.statement.verificationCode}`);
    }
  });

  it('records the sha256 of the exact bytes written, keeps them in the data dir, and audits', async () => {
    const c = await customer(t, 'C0001', '宁波顺达五金批发部');
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-03', amountFen: 1_234_567 });
    await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-11-20', amountFen: 234_567 });
    const out = path.join(t.dir, 'nested', 'folder', 'C0001.pdf');
    const g = await generate({ customerId: c.id, from: '2026-11-01', to: '2026-11-30', outPath: out });
    const s = g.statement;
    expect(s.statementNo).toBe('DZ202611-0001');
    expect(s.status).toBe('generated');
    expect(s.pdfSha256).toBe(sha256File(out));
    expect(sha256File(path.join(t.dir, s.filePath))).toBe(s.pdfSha256);
    expect(s.outputPath).toBe(out);
    expect(s.fileName).toBe('C0001_宁波顺达五金批发部_2026-11-01_2026-11-30.pdf');
    expect(s.generatedBy).toBe('tester');
    const pdf = await t.rt.invoke<{ dataBase64: string; fileName: string }>('statements.getPdf', { id: s.id });
    expect(Buffer.from(pdf.dataBase64, 'base64').equals(fs.readFileSync(out))).toBe(true);

    const audit = t.rt.database().sqlite.prepare(`SELECT action, after FROM audit_log WHERE entity = 'statement' AND entity_id = ?`).all(s.id) as {
      action: string;
      after: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after)).toMatchObject({ statementNo: 'DZ202611-0001', pdfSha256: s.pdfSha256, closingFen: 1_000_000 });
  });

  it('numbers by the month of the period end and keeps history when regenerated', async () => {
    const a = await customer(t, 'C0001');
    const b = await customer(t, 'C0002');
    await post(t, 'ledger.postInvoice', { customerId: a.id, date: '2026-10-03', amountFen: 100 });
    const first = (await generate({ customerId: a.id, from: '2026-10-01', to: '2026-10-31' })).statement;
    const other = (await generate({ customerId: b.id, from: '2026-10-01', to: '2026-10-31' })).statement;
    const nov = (await generate({ customerId: a.id, from: '2026-10-01', to: '2026-11-30' })).statement;
    const again = (await generate({ customerId: a.id, from: '2026-10-01', to: '2026-10-31' })).statement;
    expect([first.statementNo, other.statementNo, nov.statementNo, again.statementNo]).toEqual([
      'DZ202610-0001',
      'DZ202610-0002',
      'DZ202611-0001',
      'DZ202610-0003',
    ]);
    const old = await t.rt.invoke<StatementRecord>('statements.get', { id: first.id });
    expect(old.supersededBy).toEqual({ id: again.id, statementNo: 'DZ202610-0003' });
    const listed = await t.rt.invoke<{ rows: StatementRecord[]; total: number }>('statements.list', { customerId: a.id });
    expect(listed.rows.map((r) => r.statementNo)).toEqual(['DZ202611-0001', 'DZ202610-0003']);
    const all = await t.rt.invoke<{ rows: StatementRecord[] }>('statements.list', { customerId: a.id, includeSuperseded: true });
    expect(all.rows).toHaveLength(3);
  });

  it('omitted dates: from the first document to today; a customer without documents gets a statement of nothing', async () => {
    const c = await customer(t, 'C0001');
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-09-14', amountFen: 5_00 });
    const g = await generate({ customerId: c.id });
    expect([g.statement.periodFrom, g.statement.periodTo]).toEqual(['2026-09-14', '2026-12-05']);
    expect(g.statement.statementNo).toBe('DZ202612-0001');
    const empty = await customer(t, 'C0002');
    const e = await generate({ customerId: empty.id, from: '2026-11-01', to: '2026-11-30', outPath: path.join(t.dir, 'empty.pdf') });
    expect(e.statement).toMatchObject({ openingFen: 0, closingFen: 0, lineCount: 0, pages: 1 });
    expect(e.closingInWords).toBe('零元整');
    expect(pdfText(path.join(t.dir, 'empty.pdf'))).toContain('本期无往来业务');
  });

  it('a prepayment: closingInWords says 负, the paper says 预收款 with the amount in words', async () => {
    const c = await customer(t, 'C0001');
    await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-11-03', amountFen: 880_050 });
    const out = path.join(t.dir, 'neg.pdf');
    const g = await generate({ customerId: c.id, from: '2026-11-01', to: '2026-11-30', outPath: out });
    expect(g.statement.closingFen).toBe(-880_050);
    expect(g.closingInWords).toBe('负捌仟捌佰元零伍角');
    const text = pdfText(out);
    expect(text).toContain('预收款');
    expect(text).toContain('人民币（大写）： 捌仟捌佰元零伍角');
  });

  it('ages the closing balance as of the period end in the configured due-date buckets', async () => {
    const c = await customer(t, 'C0001');
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-06-10', dueOn: '2026-07-10', amountFen: 500_000 });
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-20', dueOn: '2026-12-20', amountFen: 200_000 });
    // Paid after the period end: as of 2026-11-30 it is still open (§4 replay as of the date).
    await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-12-02', amountFen: 500_000 });
    const buckets = [
      { key: 'current', label: '未到期', minDays: null, maxDays: 0 },
      { key: '1-90', label: '逾期1-90天', minDays: 1, maxDays: 90 },
      { key: '90+', label: '逾期90天以上', minDays: 91, maxDays: null },
    ];
    t.rt
      .database()
      .sqlite.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('aging', ?, '2026-12-01T00:00:00Z')`)
      .run(JSON.stringify({ due: buckets }));
    const out = path.join(t.dir, 'aging.pdf');
    await generate({ customerId: c.id, from: '2026-11-01', to: '2026-11-30', outPath: out });
    const text = pdfText(out);
    expect(text).toContain('逾期90天以上');
    expect(text).toMatch(/2,000\.00 — 5,000\.00 7,000\.00/);
  });

  it('bad input records nothing: end before start, unknown customer, unwritable folder', async () => {
    const c = await customer(t, 'C0001');
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-03', amountFen: 100 });
    const before = footprint(t);
    expect(await refusal(t, 'statements.generate', { customerId: c.id, from: '2026-11-30', to: '2026-11-01' })).toMatchObject({
      code: 'validation',
      field: 'to',
    });
    expect(await refusal(t, 'statements.generate', { customerId: c.id, from: '2026-12-20' })).toMatchObject({ code: 'validation', field: 'to' });
    expect(await refusal(t, 'statements.generate', { customerId: 'NO-SUCH-ID', from: '2026-11-01', to: '2026-11-30' })).toMatchObject({
      code: 'not_found',
      field: 'customerId',
    });
    // A path whose "folder" is a file: no user, not even root, can write there.
    const blocker = path.join(t.dir, 'blocker.txt');
    fs.writeFileSync(blocker, 'x');
    const unwritable = await refusal(t, 'statements.generate', { customerId: c.id, from: '2026-11-01', to: '2026-11-30', outPath: path.join(blocker, 'a.pdf') });
    expect(unwritable).toMatchObject({ code: 'validation', field: 'outPath' });
    expect(unwritable.message).toContain('无法写入输出文件夹');
    expect(await refusal(t, 'statements.generate', { customerId: c.id, outPath: path.join(t.dir, 'x.txt') })).toMatchObject({ field: 'outPath' });
    expect(footprint(t)).toEqual(before);
  });
});
