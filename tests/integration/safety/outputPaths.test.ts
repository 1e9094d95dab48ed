/**
 * Point 5: files the API writes go only to the data directory or to a path a
 * main-process save dialog granted, and nothing is silently overwritten.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

let t: TempRuntime | null = null;
const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-outside-'));
afterEach(() => {
  t?.cleanup();
  t = null;
});

describe('output paths named by a caller', () => {
  it('statements.generate: outside the data directory refused, an existing file never overwritten, a granted path allowed', async () => {
    t = await tempRuntime();
    await t.rt.invoke('settings.updateCompany', { companyName: '杭州明远商贸有限公司' });
    const c = await t.rt.invoke<{ id: string }>('customers.create', { code: 'P1', name: '路径测试' });
    const base = { customerId: c.id, from: '2026-11-01', to: '2026-11-30' };
    const far = path.join(outside, 'evil.pdf');
    expect(await t.rt.call('statements.generate', { ...base, outPath: far })).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'outPath' } });
    expect(fs.existsSync(far)).toBe(false);

    const existing = path.join(t.dir, 'keep.pdf');
    fs.writeFileSync(existing, 'the clerk’s own file');
    expect(await t.rt.call('statements.generate', { ...base, outPath: existing })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'outPath' } });
    expect(fs.readFileSync(existing, 'utf8')).toBe('the clerk’s own file');

    t.rt.grantOutputPath(far);
    expect(await t.rt.call('statements.generate', { ...base, outPath: far })).toMatchObject({ ok: true });
    expect(fs.readFileSync(far).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('statements.batch may not create folders outside the data directory', async () => {
    t = await tempRuntime();
    const dir = path.join(outside, 'made-by-batch');
    const r = await t.rt.call('statements.batch', { from: '2026-11-01', to: '2026-11-30', outDir: dir });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'outDir' } });
    expect(fs.existsSync(dir)).toBe(false);
  });
});
