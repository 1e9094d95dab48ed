/**
 * Issue 17 point 3: the built command loads only what a command needs. A
 * query (aging --json) loads no exporter (exceljs, pdfmake, fonts) and not
 * Node's streams layer (an `import` of node:fs would, through its ES facade
 * reading fs.ReadStream: the CLI bundle reaches node:fs through require(),
 * scripts/build-cli.mjs), and with its output going to a pipe, no stream at
 * all (electron/cli/stdout.ts writes it directly); --help loads not even
 * the database. Runs the real bin in a child process, with a preload
 * recording what was loaded. The direct output arrives whole through a pipe
 * far larger than the pipe's buffer, and a reader that stops early (`| head`)
 * ends the command quietly. The bundle is CommonJS (scripts/build-cli.mjs):
 * every chunk a command loads goes through require(), never Node's ES
 * loader, and is told apart by the sources in its source map.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'dealerdesk.cjs');
const PRELOAD = pathToFileURL(path.join(ROOT, 'tests', 'helpers', 'recordLoads.mjs')).href;

const CUSTOMERS = 600;
let t: TempRuntime;
let dbFile: string;

beforeAll(async () => {
  // `npm test` builds the bundle first; a lone vitest run builds it here.
  if (!fs.existsSync(path.join(ROOT, 'out', 'cli', 'dealerdesk.cjs'))) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
  t = await tempRuntime();
  // 600 customers with an invoice each: the JSON is more than twice a pipe's 64 KB buffer.
  const codes = Array.from({ length: CUSTOMERS }, (_, i) => `L${String(i + 1).padStart(3, '0')}`);
  const csv = (lines: string[]) => Buffer.from(lines.join('\n') + '\n', 'utf8').toString('base64');
  await t.rt.invoke('imports.commit', { kind: 'customers', fileName: 'c.csv', dataBase64: csv(['客户编码,客户名称', ...codes.map((c) => `${c},加载测试${c}有限公司`)]) });
  await t.rt.invoke('imports.commit', { kind: 'invoices', fileName: 'i.csv', dataBase64: csv(['单号,客户编码,日期,金额', ...codes.map((c, i) => `LD-${i},${c},2026-10-01,${123 + i}.45`)]) });
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

const OUT = path.join(ROOT, 'out', 'cli');

/** The CLI bundle's files a run required, each with the source files it was built from (its source map; the bundler's own helper chunk has none). */
function bundleFiles(required: readonly string[]): { file: string; sources: string[] }[] {
  const sourcesOf = (file: string) => (fs.existsSync(`${file}.map`) ? (JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }).sources : []);
  return required.filter((f) => f.startsWith(OUT + path.sep)).map((file) => ({ file, sources: sourcesOf(file) }));
}
const fromSources = (files: { sources: string[] }[], pattern: RegExp) => files.flatMap((f) => f.sources).filter((s) => pattern.test(s));

const heavy = (files: readonly string[]) => files.filter((f) => /[\\/]node_modules[\\/](exceljs|pdfmake|fontkit|pinyin-pro|iconv-lite)[\\/]/.test(f) || /\.ttf$/i.test(f));

describe('what a command loads', () => {
  it('aging --json: the database and the report, no exporter and no streams layer', () => {
    const r = run(['aging', '--json', '--db', dbFile]);
    expect(r.status).toBe(0);
    expect(Buffer.byteLength(r.stdout)).toBeGreaterThan(2 * 65_536);
    const customers = (JSON.parse(r.stdout) as { customers: { code: string; balanceFen: number }[] }).customers;
    expect(customers).toHaveLength(CUSTOMERS);
    expect(customers[CUSTOMERS - 1]).toMatchObject({ code: `L${CUSTOMERS}`, balanceFen: (123 + CUSTOMERS - 1) * 100 + 45 });
    expect(r.required.some((f) => /better[-_]sqlite3[\\/].*\.node$/.test(f)), 'the SQLite addon is loaded').toBe(true);
    // Its JavaScript comes in the runtime chunk, not file by file from node_modules.
    expect(r.required.filter((f) => /better[-_]sqlite3[\\/]lib[\\/]/.test(f))).toEqual([]);
    expect(heavy(r.required)).toEqual([]);
    // The entry, the runtime and the aging area all came through require(), in few files: the entry's imports are one
    // chunk, the runtime's another (scripts/build-cli.mjs), the aging area's schemas, handlers and services a dozen more.
    const bundle = bundleFiles(r.required);
    expect(bundle.map((f) => path.basename(f.file))).toContain('dealerdesk.cjs');
    const runtimeChunk = bundle.filter((f) => f.sources.some((s) => /electron\/api\/runtime\.ts$/.test(s)));
    expect(runtimeChunk).toHaveLength(1);
    expect(runtimeChunk[0].sources.filter((s) => /node_modules\/(zod|kysely)\/|(^|\/)db\/open\.ts$/.test(s)).length).toBeGreaterThan(50);
    expect(runtimeChunk[0].sources.filter((s) => /node_modules\/better-sqlite3\/lib\/(database|binding)\.js$/.test(s))).toHaveLength(2);
    expect(fromSources(bundle, /electron\/services\/aging\/report\.ts$/)).toHaveLength(1);
    expect(bundle.length).toBeLessThanOrEqual(24);
    // (Node's start-up itself loads a helper or two of internal/streams; the layer is readable, writable and stream.)
    expect(r.internal.filter((m) => /internal\/fs\/streams|internal\/streams\/(readable|writable)$|NativeModule stream$/.test(m))).toEqual([]);
  });

  it('a reader that stops after the first bytes ends the command quietly', async () => {
    const child = spawn(process.execPath, [BIN, 'aging', '--json', '--db', dbFile], { cwd: ROOT, env: { ...process.env, DEALERDESK_DATA_DIR: t.dir } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('--help: not even the database', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('aging');
    expect(r.required.filter((f) => /better[-_]sqlite3/.test(f))).toEqual([]);
    expect(heavy(r.required)).toEqual([]);
    // Only the entry and the chunk of what it imports: no database layer, runtime, schemas or their libraries.
    const bundle = bundleFiles(r.required);
    expect(bundle.length).toBeGreaterThan(0);
    expect(bundle.length).toBeLessThanOrEqual(4);
    expect(fromSources(bundle, /(^|\/)(db|electron\/api)\/|node_modules\/(zod|kysely)\//)).toEqual([]);
  });
});
