/**
 * Issue 16 point 9: the wizard's letterhead preview is the statement's own
 * letterhead. It follows the typed (unsaved) profile, and, rendered to
 * pixels with poppler, its page is exactly the top of a real statement's
 * first page generated from the same profile.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedStatement, StatementFile } from '../../../shared/api/statements';
import type { TempRuntime } from '../../helpers/tempRuntime';
import { customer, post, statementRuntime } from './helpers';

let t: TempRuntime;
const TYPED = { companyName: '宁波永信建材有限公司', shortName: '永信建材', address: '浙江省宁波市鄞州区兴业路 18 号', phone: '0574-88123456' };

function save(name: string, base64: string): string {
  const p = path.join(t.dir, name);
  fs.writeFileSync(p, Buffer.from(base64, 'base64'));
  return p;
}
/** Grey pixels of the top `heightPt` points of page 1 at 100 dpi (a PGM file: header + bytes). */
function topPixels(pdf: string, heightPt: number): Buffer {
  const px = Math.floor((heightPt * 100) / 72);
  return execFileSync('pdftoppm', ['-r', '100', '-gray', '-f', '1', '-l', '1', '-x', '0', '-y', '0', '-W', '827', '-H', String(px), pdf]);
}

beforeAll(async () => {
  t = await statementRuntime();
});
afterAll(() => t.cleanup());

describe('statements.previewLetterhead', () => {
  it('shows the typed profile, not the saved one, and saves nothing', async () => {
    const before = (t.rt.database().sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const file = await t.rt.invoke<StatementFile>('statements.previewLetterhead', TYPED);
    const text = execFileSync('pdftotext', ['-layout', save('preview.pdf', file.dataBase64), '-'], { encoding: 'utf8' });
    expect(text).toContain('宁波永信建材有限公司');
    expect(text).toContain('地址：浙江省宁波市鄞州区兴业路 18 号');
    expect(text).toContain('电话：0574-88123456');
    expect(text).not.toContain('杭州明远商贸有限公司');
    // Equal input, equal bytes (the screen keeps its page when nothing changed).
    expect((await t.rt.invoke<StatementFile>('statements.previewLetterhead', TYPED)).dataBase64).toBe(file.dataBase64);
    expect((t.rt.database().sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(before);
    // Nothing typed yet: the gap to fill in, as a statement would print it.
    const empty = await t.rt.invoke<StatementFile>('statements.previewLetterhead', {});
    expect(execFileSync('pdftotext', [save('empty.pdf', empty.dataBase64), '-'], { encoding: 'utf8' })).toContain('请在“设置 → 公司资料”中填写公司名称');
  });

  it('is pixel for pixel the letterhead of a statement generated from the same profile', async () => {
    if (process.env.LETTERHEAD_PNG) execFileSync('pdftoppm', ['-r', '100', '-png', path.join(t.dir, 'preview.pdf'), process.env.LETTERHEAD_PNG]);
    await t.rt.invoke('settings.updateCompany', { ...TYPED, bankName: '中国银行宁波分行', bankAccount: '3601 2345 6789' });
    const c = await customer(t, 'C0001');
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-03', amountFen: 100_00 });
    const g = await t.rt.invoke<GeneratedStatement>('statements.generate', { customerId: c.id, from: '2026-11-01', to: '2026-11-30' });
    const statement = save('statement.pdf', (await t.rt.invoke<StatementFile>('statements.getPdf', { id: g.statement.id })).dataBase64);
    const preview = save('preview2.pdf', (await t.rt.invoke<StatementFile>('statements.previewLetterhead', TYPED)).dataBase64);
    // The letterhead (name, contact line, double rule) lies within the top 80 pt of both pages.
    const a = topPixels(preview, 80);
    const b = topPixels(statement, 80);
    expect(a.length).toBeGreaterThan(1000);
    expect(a.equals(b)).toBe(true);
    // And it is not blank: some dark pixels (the name) are there.
    expect([...a.subarray(20)].some((v) => v < 100)).toBe(true);
  });
});
