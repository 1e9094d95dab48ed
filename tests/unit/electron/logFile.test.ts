import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLogger, formatLogLine, logDirFor, LOG_FILE_NAME, rotateLogFiles } from '../../../electron/main/logFile';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-log-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const at = new Date('2026-11-24T01:02:03.004Z');

describe('formatLogLine', () => {
  it('writes an ISO time, the level and the message on one line', () => {
    expect(formatLogLine(at, 'info', '启动', [])).toBe('2026-11-24T01:02:03.004Z INFO  启动\n');
  });

  it('appends details: errors with their stack (indented), objects as JSON', () => {
    const e = new Error('boom');
    const line = formatLogLine(at, 'error', 'failed', [e, { a: 1 }]);
    expect(line).toContain('ERROR failed Error: boom');
    expect(line).toMatch(/\n {4,}at /);
    expect(line.trimEnd().endsWith('{"a":1}')).toBe(true);
  });

  it('survives details that cannot be serialised', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(formatLogLine(at, 'warn', 'x', [cyclic])).toContain('[object Object]');
  });
});

describe('createFileLogger', () => {
  it('writes to <dataDir>/logs/dealerdesk.log, creating the folder', () => {
    const log = createFileLogger({ dir: logDirFor(tmp), now: () => at });
    expect(log.file).toBe(path.join(tmp, 'logs', LOG_FILE_NAME));
    log.info('one');
    log.warn('two');
    expect(fs.readFileSync(log.file, 'utf8')).toBe('2026-11-24T01:02:03.004Z INFO  one\n2026-11-24T01:02:03.004Z WARN  two\n');
  });

  it('rotates by size and keeps only the newest files', () => {
    const dir = logDirFor(tmp);
    const log = createFileLogger({ dir, now: () => at, maxBytes: 200, keep: 3 });
    // Each line is 50 bytes: 4 lines fill a file, so 20 lines make 5 files' worth.
    const msg = (i: number) => `line ${String(i).padStart(2, '0')} ${'x'.repeat(10)}`;
    for (let i = 0; i < 20; i++) log.info(msg(i));
    expect(Buffer.byteLength(formatLogLine(at, 'info', msg(0), []))).toBe(50);
    expect(fs.readdirSync(dir).sort()).toEqual([LOG_FILE_NAME, `${LOG_FILE_NAME}.1`, `${LOG_FILE_NAME}.2`, `${LOG_FILE_NAME}.3`]);
    for (const f of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(200);
    const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
    expect(read(LOG_FILE_NAME)).toContain('line 19');
    expect(read(`${LOG_FILE_NAME}.1`)).toContain('line 15');
    expect(read(`${LOG_FILE_NAME}.3`)).toContain('line 04');
    // The oldest lines were dropped with the file beyond `keep`.
    expect(fs.readdirSync(dir).map(read).join('')).not.toContain('line 03');
  });

  it('continues an existing file and counts its size', () => {
    const dir = logDirFor(tmp);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, LOG_FILE_NAME), 'x'.repeat(190));
    createFileLogger({ dir, now: () => at, maxBytes: 200 }).info('next');
    expect(fs.readFileSync(path.join(dir, `${LOG_FILE_NAME}.1`), 'utf8')).toBe('x'.repeat(190));
    expect(fs.readFileSync(path.join(dir, LOG_FILE_NAME), 'utf8')).toContain('next');
  });

  it('never throws, even when the log cannot be written', () => {
    const blocker = path.join(tmp, 'not-a-dir');
    fs.writeFileSync(blocker, '');
    const log = createFileLogger({ dir: path.join(blocker, 'logs') });
    expect(() => log.error('lost', new Error('x'))).not.toThrow();
  });
});

describe('rotateLogFiles', () => {
  it('shifts the numbered files and drops the last', () => {
    const file = path.join(tmp, 'a.log');
    for (const [name, text] of [['a.log', '0'], ['a.log.1', '1'], ['a.log.2', '2']]) fs.writeFileSync(path.join(tmp, name), text);
    rotateLogFiles(file, 2);
    expect(fs.readdirSync(tmp).sort()).toEqual(['a.log.1', 'a.log.2']);
    expect(fs.readFileSync(`${file}.1`, 'utf8')).toBe('0');
    expect(fs.readFileSync(`${file}.2`, 'utf8')).toBe('1');
  });
});
