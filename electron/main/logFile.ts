/**
 * The app's log file, `<dataDir>/logs/dealerdesk.log`, rotated by size
 * (dealerdesk.log.1 … .N, oldest dropped) so it never fills an office PC's
 * disk. Plain Node fs, synchronous on purpose: the main process logs little,
 * and a line written just before a crash must be on disk.
 *
 * Logging never throws: a full disk or a locked file must not take the app down.
 */
import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  readonly file: string;
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export interface LogFileOptions {
  /** The folder the log lives in (`<dataDir>/logs`). */
  dir: string;
  fileName?: string;
  /** Rotate once the file would grow past this many bytes. */
  maxBytes?: number;
  /** How many rotated files to keep. */
  keep?: number;
  now?: () => Date;
  /** Also print to the console (development). */
  echo?: boolean;
}

export const LOG_FILE_NAME = 'dealerdesk.log';
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_KEEP = 5;

export function logDirFor(dataDir: string): string {
  return path.join(dataDir, 'logs');
}

function formatDetail(d: unknown): string {
  if (d instanceof Error) return d.stack ?? `${d.name}: ${d.message}`;
  if (typeof d === 'string') return d;
  try {
    return JSON.stringify(d);
  } catch {
    return String(d);
  }
}

/** One line per entry (continuation lines of a stack trace are indented). */
export function formatLogLine(at: Date, level: LogLevel, message: string, details: readonly unknown[]): string {
  const text = [message, ...details.map(formatDetail)].join(' ');
  return `${at.toISOString()} ${level.toUpperCase().padEnd(5)} ${text.replace(/\r?\n/g, '\n    ')}\n`;
}

/** Shifts dealerdesk.log → .1 → .2 … and drops the file beyond `keep`. */
export function rotateLogFiles(file: string, keep: number): void {
  const numbered = (i: number) => `${file}.${i}`;
  fs.rmSync(numbered(keep), { force: true });
  for (let i = keep - 1; i >= 1; i--) {
    if (fs.existsSync(numbered(i))) fs.renameSync(numbered(i), numbered(i + 1));
  }
  if (keep >= 1 && fs.existsSync(file)) fs.renameSync(file, numbered(1));
  else fs.rmSync(file, { force: true });
}

export function createFileLogger(opts: LogFileOptions): Logger {
  const file = path.join(opts.dir, opts.fileName ?? LOG_FILE_NAME);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const keep = opts.keep ?? DEFAULT_KEEP;
  const now = opts.now ?? (() => new Date());
  let size: number | null = null;

  const write = (level: LogLevel, message: string, details: unknown[]) => {
    const line = formatLogLine(now(), level, message, details);
    if (opts.echo) (level === 'error' ? console.error : level === 'warn' ? console.warn : console.log)(line.trimEnd());
    try {
      if (size === null) {
        fs.mkdirSync(opts.dir, { recursive: true });
        size = fs.existsSync(file) ? fs.statSync(file).size : 0;
      }
      const bytes = Buffer.byteLength(line);
      // A non-empty file that would pass the limit is rotated first; one oversized line still gets written.
      if (size > 0 && size + bytes > maxBytes) {
        rotateLogFiles(file, keep);
        size = 0;
      }
      fs.appendFileSync(file, line);
      size += bytes;
    } catch {
      // Re-stat next time: the file may have been deleted or the disk freed.
      size = null;
    }
  };

  return {
    file,
    debug: (m, ...d) => write('debug', m, d),
    info: (m, ...d) => write('info', m, d),
    warn: (m, ...d) => write('warn', m, d),
    error: (m, ...d) => write('error', m, d),
  };
}
