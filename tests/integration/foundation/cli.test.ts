import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, {});
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const dbPath = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-cli-'));
  dirs.push(d);
  return path.join(d, 'cli.db');
};

describe('CLI', () => {
  it('init, settings set and settings get --json round trip', async () => {
    const db = dbPath();
    expect((await cli('init', '--db', db)).code).toBe(0);
    const set = await cli('settings', 'set', '--db', db, 'companyName=成都瑞丰商贸有限公司', 'taxId=91350100M000100Y43', '--json');
    expect(set.code).toBe(0);
    const got = await cli('settings', 'get', '--db', db, '--json');
    expect(got.code).toBe(0);
    expect(JSON.parse(got.stdout)).toMatchObject({ companyName: '成都瑞丰商贸有限公司', taxId: '91350100M000100Y43' });
  });

  it('refuses an invalid value with exit 1 naming the field, and writes nothing', async () => {
    const db = dbPath();
    const r = await cli('settings', 'set', '--db', db, 'companyName=某公司', 'taxId=91350100M000100Y44');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('taxId');
    expect(r.stdout).toBe('');
    expect(JSON.parse((await cli('settings', 'get', '--db', db, '--json')).stdout)).toMatchObject({ companyName: '', taxId: '' });
  });

  it('usage errors exit 2: unknown command, unknown key, missing value, unknown flag', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('settings', 'set', '--db', dbPath(), 'color=red')).code).toBe(2);
    expect((await cli('settings', 'get', '--db')).code).toBe(2);
    expect((await cli('settings', 'get', '--db', dbPath(), '--bogus', 'x')).code).toBe(2);
    expect((await cli('demo', '--db', dbPath(), '--size', 'huge')).code).toBe(2);
  });

  it('--help and --version', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('settings get');
    expect((await cli('--version')).stdout).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('uses DEALERDESK_DB when --db is absent', async () => {
    const db = dbPath();
    const out: string[] = [];
    const code = await runCli(['settings', 'set', 'companyName=环境变量公司', '--json'], { out: (s) => out.push(s), err: () => {} }, { DEALERDESK_DB: db });
    expect(code).toBe(0);
    expect(fs.existsSync(db)).toBe(true);
  });

  it('demo is deterministic for a seed', async () => {
    const a = await cli('demo', '--db', dbPath(), '--size', 'small', '--seed', '7', '--json');
    const b = await cli('demo', '--db', dbPath(), '--size', 'small', '--seed', '7', '--json');
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
  });
});
