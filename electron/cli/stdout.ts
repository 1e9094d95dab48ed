/**
 * The command's standard output. To a file or a pipe (scripts, `--json` into
 * another program: what is timed) it goes out with plain write(2) calls:
 * touching process.stdout builds Node's streams layer, ~7 ms of a ~130 ms
 * query. A terminal still gets process.stdout, which on Windows hands the
 * console wide characters (raw UTF-8 bytes would show as mojibake there).
 */
import fs from 'node:fs';

let direct: boolean | undefined;
/** The reader went away (`| head`): the rest of the output has nowhere to go and is dropped, as Unix tools do. */
let closed = false;

/** Whether fd is a regular file or a pipe (a terminal, /dev/null and the Windows console are character devices). */
function fileOrPipe(fd: number): boolean {
  try {
    const s = fs.fstatSync(fd);
    return s.isFile() || s.isFIFO() || s.isSocket();
  } catch {
    return false;
  }
}

/** Blocks for ms (a pipe that is full, set non-blocking by whoever shares it). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Writes all of buf to fd, waiting while a non-blocking pipe is full. */
export function writeAllSync(fd: number, buf: Uint8Array): void {
  let offset = 0;
  while (offset < buf.length && !closed) {
    try {
      offset += fs.writeSync(fd, buf, offset);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') pause(1);
      else if (code === 'EPIPE') closed = true;
      else throw e;
    }
  }
}

export function writeStdout(text: string): void {
  direct ??= fileOrPipe(1);
  if (direct) writeAllSync(1, Buffer.from(text, 'utf8'));
  else process.stdout.write(text);
}
