/**
 * A second process importing invoices into a database (the office's other
 * writer): `node --import tsx importChild.ts DB CSV`. Prints `importing` when
 * the commit starts (after the start-up integrity check of a large file, which
 * writes wait for anyway) and `done <rows> cpu <seconds>` when it returns; exit 1 on a refusal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppRuntime } from '../../../electron/api/runtime';
import type { ImportCommitResult } from '../../../shared/api/imports';
import type { ChunkTiming } from '../../../electron/services/imports/chunkedCommit';
import { commitImport } from '../../../electron/services/imports/runImport';
import { collectImportPhases, formatImportPhases, takeImportPhases } from '../../../electron/services/imports/importPhases';

async function main(): Promise<void> {
  const [dbFile, csvFile] = process.argv.slice(2);
  const rt = await AppRuntime.start({ dbFile, actor: { user: 'importer', device: 'child' } });
  await rt.whenChecked();
  process.stdout.write('importing\n');
  // The bench prints where the time went (tests ignore the extra line).
  if (process.env.DD_IMPORT_PHASES) collectImportPhases();
  const cpu0 = process.cpuUsage();
  const input = { kind: 'invoices' as const, fileName: path.basename(csvFile), dataBase64: fs.readFileSync(csvFile).toString('base64') };
  // DD_IMPORT_TIMING: the service with these chunk and pause lengths (importSetup.ts), else the API as the app calls it.
  const timing = process.env.DD_IMPORT_TIMING ? (JSON.parse(process.env.DD_IMPORT_TIMING) as ChunkTiming) : null;
  const r = timing
    ? await commitImport(rt.context(), input, timing).then(
        (data) => ({ ok: true as const, data }),
        (error: unknown) => ({ ok: false as const, error: String(error) }),
      )
    : await rt.call('imports.commit', input);
  if (!r.ok) {
    process.stdout.write(`refused ${JSON.stringify(r.error).slice(0, 500)}\n`);
    process.exit(1);
  }
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(`done ${(r.data as ImportCommitResult).report.imported} cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)}\n`);
  if (process.env.DD_IMPORT_PHASES) process.stdout.write(`phases ${formatImportPhases(takeImportPhases())}\n`);
  rt.close();
}

void main();
