/**
 * A second process importing invoices into a database (the office's other
 * writer): `node --import tsx importChild.ts DB CSV`. Prints `importing` when
 * the commit starts and `done <rows>` when it returns; exit 1 on a refusal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppRuntime } from '../../../electron/api/runtime';
import type { ImportCommitResult } from '../../../shared/api/imports';

async function main(): Promise<void> {
  const [dbFile, csvFile] = process.argv.slice(2);
  const rt = await AppRuntime.start({ dbFile, actor: { user: 'importer', device: 'child' } });
  process.stdout.write('importing\n');
  const r = await rt.call('imports.commit', {
    kind: 'invoices',
    fileName: path.basename(csvFile),
    dataBase64: fs.readFileSync(csvFile).toString('base64'),
  });
  if (!r.ok) {
    process.stdout.write(`refused ${JSON.stringify(r.error).slice(0, 500)}\n`);
    process.exit(1);
  }
  process.stdout.write(`done ${(r.data as ImportCommitResult).report.imported}\n`);
  rt.close();
}

void main();
