/**
 * Issue 17 point 3: the built command loads only what a command needs. A
 * query (aging --json) loads no exporter (exceljs, pdfmake, fonts) and not
 * Node's streams layer (an `import` of node:fs would, through its ES facade
 * reading fs.ReadStream: the CLI bundle reaches node:fs through require(),
 * scripts/build-cli.mjs); --help loads not even the database. Runs the real
 * bin in a child process, with a preload recording what was loaded.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'dealerdesk.cjs');
const PRELOAD = pathToFileURL(path.join(ROOT, 'tests', 'helpers', 'recordLoads.mjs')).href;

let t: TempRuntime;
let dbFile: string;

beforeAll(async () => {
  // `npm test` builds the bundle first; a lone vitest run builds it here.
  if (!fs.existsSync(path.join(ROOT, 'out', 'cli', 'dealerdesk.mjs'))) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
  t = await tempRuntime();
  const c = await t.rt.invoke<{ id: string }>('customers.create', { code: 'L001', name: '加载测试有限公司' });
  await t.rt.invoke('ledger.postInvoice', { customerId: c.id, date: '2026-10-01', amountFen: 12_345, override: { reason: '测试' } });
  dbFile = t.dbFile;
  t.rt.close();
}, 60_000);
afterAll(() => t.cleanup());

function run(args: string[]): { status: number | null; stdout: string; internal: string[]; required: string[] } {
  const loads = path.join(t.dir, `loads-${args.join('_').replace(/\W/g, '')}.json`);
  const r = spawnSync(process.execPath, ['--import', PRELOAD, BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DD_LOADS_FILE: loads, DEALERDESK_DATA_DIR: t.dir },
  });
  const { internal, required } = JSON.parse(fs.readFileSync(loads, 'utf8')) as { internal: string[]; required: string[] };
  return { status: r.status, stdout: r.stdout, internal, required };
}

const heavy = (files: readonly string[]) => files.filter((f) => /[\\/]node_modules[\\/](exceljs|pdfmake|fontkit|pinyin-pro|iconv-lite)[\\/]/.test(f) || /\.ttf$/i.test(f));

describe('what a command loads', () => {
  it('aging --json: the database and the report, no exporter and no streams layer', () => {
    const r = run(['aging', '--json', '--db', dbFile]);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { customers: { code: string }[] }).customers.map((row) => row.code)).toEqual(['L001']);
    expect(r.required.some((f) => /better[-_]sqlite3/.test(f)), 'the SQLite addon is loaded').toBe(true);
    expect(heavy(r.required)).toEqual([]);
    // (stdout being a pipe loads the general streams code; file streams come only from fs.ReadStream.)
    expect(r.internal.filter((m) => m.includes('internal/fs/streams'))).toEqual([]);
  });

  it('--help: not even the database', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('aging');
    expect(r.required.filter((f) => /better[-_]sqlite3/.test(f))).toEqual([]);
    expect(heavy(r.required)).toEqual([]);
  });
});
