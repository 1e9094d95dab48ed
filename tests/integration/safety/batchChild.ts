/**
 * A second process generating a statement batch on a database (the other
 * writer of the office): `node --import tsx batchChild.ts DB FROM TO`.
 * Prints `batching` when the batch starts and `done <generated> <failed>` when it returns.
 */
import { AppRuntime } from '../../../electron/api/runtime';
import type { BatchResult } from '../../../shared/api/statements';

async function main(): Promise<void> {
  const [dbFile, from, to] = process.argv.slice(2);
  const rt = await AppRuntime.start({ dbFile, actor: { user: 'batcher', device: 'child' } });
  await rt.whenChecked();
  process.stdout.write('batching\n');
  const r = await rt.call('statements.batch', { from, to, force: true });
  if (!r.ok) {
    process.stdout.write(`refused ${JSON.stringify(r.error).slice(0, 500)}\n`);
    process.exit(1);
  }
  const result = r.data as BatchResult;
  process.stdout.write(`done ${result.generated} ${result.failed.length}\n`);
  rt.close();
}

void main();
