/**
 * Issue 17 point 3: the built command keeps a V8 code cache of the functions
 * each command ran (bin/codeCache.cjs), in the temp dir. The first run of a
 * command writes it, later runs use it as it is (V8 accepted it: nothing is
 * written again) and print the same; a new build (the entry's modification
 * time) replaces that command's caches, and so does a run that died with
 * them loaded; a command that failed leaves none;
 * help and version need none; a cache folder others can write into is not
 * used. Runs the real bin with its own temp dir.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'dealerdesk.cjs');
const ENTRY = path.join(ROOT, 'out', 'cli', 'dealerdesk.cjs');

let t: TempRuntime;
let tmp: string;

beforeAll(async () => {
  if (!fs.existsSync(ENTRY)) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
  t = await tempRuntime();
  const csv = (lines: string[]) => Buffer.from(lines.join('\n') + '\n', 'utf8').toString('base64');
  await t.rt.invoke('imports.commit', { kind: 'customers', fileName: 'c.csv', dataBase64: csv(['客户编码,客户名称', 'CC1,缓存测试有限公司']) });
  await t.rt.invoke('imports.commit', { kind: 'invoices', fileName: 'i.csv', dataBase64: csv(['单号,客户编码,日期,金额', 'CC-1,CC1,2026-10-01,88.50']) });
  t.rt.close();
  tmp = path.join(t.dir, 'tmp');
  fs.mkdirSync(tmp);
}, 60_000);
afterAll(() => t.cleanup());

function run(args: string[], tempDir = tmp): { status: number | null; stdout: string; stderr: string } {
  // os.tmpdir(): TMPDIR on POSIX, TEMP/TMP on Windows.
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tempDir, TEMP: tempDir, TMP: tempDir, DEALERDESK_DATA_DIR: t.dir };
  delete env.NODE_DISABLE_COMPILE_CACHE;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The cache folder of one command (one Node version here). */
function cacheDirOf(command: string): string {
  const root = path.join(tmp, 'dealerdesk-code-cache');
  return path.join(root, fs.readdirSync(root)[0], command);
}

/** The cache files of one command, with their modification times. */
function cacheOf(command: string): Map<string, number> {
  const root = path.join(tmp, 'dealerdesk-code-cache');
  const dirs = fs.existsSync(root) ? fs.readdirSync(root).map((v) => path.join(root, v, command)).filter((d) => fs.existsSync(d)) : [];
  return new Map(dirs.flatMap((d) => fs.readdirSync(d).map((f) => [f, fs.statSync(path.join(d, f)).mtimeMs] as const)));
}

describe('the command line code cache', () => {
  it('is written by the first run of a command, used unchanged by the next, replaced after a build', () => {
    const first = run(['aging', '--json', '--db', t.dbFile]);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ customers: [{ code: 'CC1', balanceFen: 8850 }] });
    const written = cacheOf('aging');
    // The entry and the chunks of the runtime and the aging report, each named for this build.
    expect(written.size).toBeGreaterThan(10);
    expect([...written.keys()].some((f) => f.startsWith('dealerdesk.cjs-'))).toBe(true);
    expect([...written.keys()].some((f) => f.startsWith('chunks_runtime-'))).toBe(true);

    const second = run(['aging', '--json', '--db', t.dbFile]);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe(first.stderr);
    // V8 took every cache as it was: none was refused and written again.
    expect(cacheOf('aging')).toEqual(written);

    // A new build: the entry is written anew (here only its modification time changes).
    const stat = fs.statSync(ENTRY);
    fs.utimesSync(ENTRY, stat.atime, new Date(stat.mtimeMs + 2000));
    const rebuilt = run(['aging', '--json', '--db', t.dbFile]);
    expect(rebuilt.stdout).toBe(first.stdout);
    const after = cacheOf('aging');
    expect(after.size).toBe(written.size);
    expect([...after.keys()].filter((f) => written.has(f))).toEqual([]);
  });

  it('is dropped and written anew after a run that died with it loaded (a damaged cache can crash V8)', () => {
    const before = cacheOf('aging');
    expect(before.size).toBeGreaterThan(10);
    const dir = cacheDirOf('aging');
    // The mark a run leaves when it dies (a damaged cache ends in a segmentation fault): its process is gone.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    fs.writeFileSync(path.join(dir, `running-${gone}`), '');
    const r = run(['aging', '--json', '--db', t.dbFile]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ customers: [{ code: 'CC1', balanceFen: 8850 }] });
    const after = cacheOf('aging');
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [file, mtime] of after) expect(mtime, file).not.toBe(before.get(file));
    // A run that ended leaves no mark, and the next one reads the new caches as they are.
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('running-'))).toEqual([]);
    run(['aging', '--json', '--db', t.dbFile]);
    expect(cacheOf('aging')).toEqual(after);
  });

  // A shared temp folder (Linux /tmp): a cache folder others may write into could hand us their code.
  it.skipIf(process.platform === 'win32')('is neither read nor written in a cache folder others can write into', () => {
    const shared = path.join(t.dir, 'shared-tmp');
    const planted = path.join(shared, 'dealerdesk-code-cache');
    fs.mkdirSync(planted, { recursive: true });
    fs.chmodSync(planted, 0o777);
    const r = run(['aging', '--json', '--db', t.dbFile], shared);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ customers: [{ code: 'CC1', balanceFen: 8850 }] });
    expect(fs.readdirSync(planted)).toEqual([]);
  });

  it('is not left by a failing command, nor used by the help', () => {
    const failed = run(['aging', '--as-of', '2026-13-01', '--db', t.dbFile]);
    expect(failed.status).toBe(2);
    const typo = run(['agin', '--db', t.dbFile]);
    expect(typo.status).toBe(2);
    expect(cacheOf('agin').size).toBe(0);
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(cacheOf('_').size).toBe(0);
    expect(fs.readdirSync(path.join(tmp, 'dealerdesk-code-cache')).flatMap((v) => fs.readdirSync(path.join(tmp, 'dealerdesk-code-cache', v)))).toEqual(['aging']);
  });
});
