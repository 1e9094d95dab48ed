/** Shared set-up of the concurrent-import tests: customers imported through the API, an invoice CSV, a child importer. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ChunkTiming } from '../../../electron/services/imports/chunkedCommit';
import type { TempRuntime } from '../../helpers/tempRuntime';

const ROOT = path.resolve(__dirname, '../../..');

export async function importCustomers(t: TempRuntime, n: number, from = 0): Promise<string[]> {
  const codes = Array.from({ length: n }, (_, i) => `K${String(from + i).padStart(4, '0')}`);
  const csv = ['客户编码,客户名称', ...codes.map((c) => `${c},并发测试客户${c}有限公司`)].join('\r\n');
  await t.rt.invoke('imports.commit', { kind: 'customers', fileName: 'k.csv', dataBase64: Buffer.from(csv).toString('base64') });
  return codes;
}

/** `rows` invoices numbered `<tag>-000001…`, spread over the customers and the 60 days before 2026-11-24. */
export function writeInvoiceCsv(dir: string, codes: readonly string[], rows: number, tag: string): string {
  const lines = ['单号,客户编码,日期,金额'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`${tag}-${String(i).padStart(6, '0')},${codes[i % codes.length]},2026-10-${day},${100 + (i % 977)}.${String(i % 100).padStart(2, '0')}`);
  }
  const file = path.join(dir, `${tag}.csv`);
  fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
  return file;
}

export interface ChildImport {
  /** Resolves when the child has started committing. */
  started: Promise<void>;
  /** Exit code and everything it printed. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>;
  kill(): void;
}

/**
 * Starts the other process's import. With `timing`, its chunks are that long
 * and pause that much (importChild.ts): a test that must look at the import
 * in the middle many times gives it many short chunks.
 */
export function startChildImport(dbFile: string, csvFile: string, timing?: ChunkTiming): ChildImport {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/safety/importChild.ts', dbFile, csvFile], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: timing ? { ...process.env, DD_IMPORT_TIMING: JSON.stringify(timing) } : process.env,
  });
  let out = '';
  let onStart: () => void = () => {};
  const started = new Promise<void>((resolve) => (onStart = resolve));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('importing')) onStart();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) =>
    child.on('exit', (code, signal) => {
      onStart();
      resolve({ code, signal, out });
    }),
  );
  return { started, exited, kill: () => child.kill('SIGKILL') };
}
