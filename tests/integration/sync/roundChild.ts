/**
 * A sync round in its own process, for the kill -9 test: prints a line after
 * every segment file it writes ("wrote") and every segment it applies
 * ("applied"), so the parent can kill it in the middle of either. With a
 * third argument `snapshot` it also writes a snapshot, prints "snapshot
 * bytes" after each chunk copied to the share and holds still for a moment
 * there, so a kill lands in the middle of the copy.
 */
import { AppRuntime } from '../../../electron/api/runtime';
import { syncRound } from '../../../electron/services/sync/engine';
import { fsShare, type ShareFs } from '../../../electron/services/sync/share';

async function main(): Promise<void> {
  const [dbFile, shareDir, mode] = process.argv.slice(2);
  const pauseHere = new Int32Array(new SharedArrayBuffer(4));
  const rt = await AppRuntime.start({ dbFile, actor: { user: 'child', device: 'child' } });
  const inner = fsShare(shareDir);
  const share: ShareFs = {
    ...inner,
    async writeAtomic(file, data) {
      await inner.writeAtomic(file, data);
      if (file.startsWith('log/')) process.stdout.write('wrote\n');
    },
    copyIn: (file, localPath, onBytes) =>
      inner.copyIn(file, localPath, (n) => {
        onBytes?.(n);
        process.stdout.write('snapshot bytes\n');
        Atomics.wait(pauseHere, 0, 0, 300);
      }),
  };
  const r = await syncRound(rt.context(), { share, dbFile, snapshot: mode === 'snapshot', onProgress: () => process.stdout.write('applied\n') });
  process.stdout.write(`done ${r.published} ${r.applied}\n`);
  rt.close();
}

void main();
