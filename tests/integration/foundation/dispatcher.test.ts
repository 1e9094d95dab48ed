import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

const valid = { companyName: '杭州恒通商贸有限公司', shortName: '恒通', taxId: '91350100M000100Y43', phone: '0571-88886666' };

describe('dispatcher', () => {
  it('saves the company profile and writes one audit row with who, before and after', async () => {
    const r = await t.rt.call('settings.updateCompany', valid);
    expect(r.ok).toBe(true);
    const got = await t.rt.invoke<{ companyName: string; taxId: string }>('settings.getCompany', {});
    expect(got.companyName).toBe('杭州恒通商贸有限公司');
    const rows = t.rt.database().sqlite.prepare('SELECT * FROM audit_log').all() as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user: 'tester', device: 'test-pc', entity: 'company_profile', action: 'update' });
    expect(JSON.parse(rows[0].before).companyName).toBe('');
    expect(JSON.parse(rows[0].after).companyName).toBe('杭州恒通商贸有限公司');
  });

  it('refuses a wrong tax id check character, names the field, and writes nothing', async () => {
    const r = await t.rt.call('settings.updateCompany', { ...valid, taxId: '91350100M000100Y44' });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'taxId' } });
    if (!r.ok) expect(r.error.message).toContain('校验位');
    expect(t.rt.database().sqlite.prepare('SELECT count(*) n FROM audit_log').get()).toEqual({ n: 0 });
    expect(t.rt.database().sqlite.prepare('SELECT count(*) n FROM settings').get()).toEqual({ n: 0 });
  });

  it('refuses a name over 200 characters', async () => {
    const r = await t.rt.call('settings.updateCompany', { ...valid, companyName: '公'.repeat(201) });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'companyName' } });
    if (!r.ok) expect(r.error.message).toContain('200');
  });

  it('answers an unknown method and a malformed input with typed errors', async () => {
    expect(await t.rt.call('nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const r = await t.rt.call('settings.updateCompany', 'not an object');
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('refuses a logo that is not an image and stores a real PNG by content', async () => {
    const bad = await t.rt.call('settings.setLogo', { fileName: 'x.png', dataBase64: Buffer.from('hello').toString('base64') });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', field: 'logo' } });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8ffbf1e000502027fdd6e5c0000000049454e44ae426082', 'hex');
    const ok = await t.rt.call('settings.setLogo', { fileName: 'logo.png', dataBase64: png.toString('base64') });
    expect(ok.ok).toBe(true);
    const logo = await t.rt.invoke<{ mime: string; dataBase64: string }>('settings.getLogo', {});
    expect(logo.mime).toBe('image/png');
    expect(Buffer.from(logo.dataBase64, 'base64').equals(png)).toBe(true);
  });

  it('reports the tables a write touched as a changed event', async () => {
    const seen: string[][] = [];
    t.rt.events.on('changed', (e: { tables: string[] }) => seen.push(e.tables));
    await t.rt.call('settings.updateCompany', valid);
    await t.rt.call('settings.getCompany', {});
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual(expect.arrayContaining(['settings', 'audit_log']));
  });
});
