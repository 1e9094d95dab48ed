/**
 * The segment file: one PC's changes number `seq`, written once.
 *
 *   DDSYNC <header JSON>\n
 *   [hlc, table, key JSON, column, value]\n   (one line per change)
 *   #END <count> <sha256 of every byte before this line>\n
 *
 * The name is `<seq, 10 digits>-<first 8 hex of the file's sha256>.seg`, so
 * one name always means the same bytes (a repeated publish is harmless) and
 * two names for one seq are a fork, never silently resolved.
 */
import { createHash } from 'node:crypto';

export const SEGMENT_FORMAT = 1;

export interface SegmentHeader {
  format: number;
  device: string;
  seq: number;
  /** Newest migration of the writer's schema. */
  schema: string;
  app: string;
  /** What the writer had applied of every other PC's log: applied first, so references resolve. */
  deps: Record<string, number>;
  count: number;
}

/** [hlc, table, key (JSON array text), column, value] */
export type Change = [string, string, string, string, unknown];

export interface Segment {
  header: SegmentHeader;
  changes: Change[];
}

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

export function encodeSegment(header: SegmentHeader, changes: readonly Change[]): { bytes: Buffer; name: string } {
  const body = `DDSYNC ${JSON.stringify(header)}\n${changes.map((c) => JSON.stringify(c) + '\n').join('')}`;
  const text = `${body}#END ${changes.length} ${sha256(body)}\n`;
  const bytes = Buffer.from(text, 'utf8');
  return { bytes, name: segmentName(header.seq, sha256(bytes).slice(0, 8)) };
}

export const segmentName = (seq: number, sha8: string): string => `${String(seq).padStart(10, '0')}-${sha8}.seg`;

const NAME_RE = /^(\d{10})-([0-9a-f]{8})\.seg$/;

export function parseSegmentName(name: string): { seq: number; sha8: string } | null {
  const m = NAME_RE.exec(name);
  return m ? { seq: Number(m[1]), sha8: m[2] } : null;
}

export class SegmentError extends Error {}

/** Verifies and parses a segment; throws SegmentError naming what is wrong (half-written, corrupted, renamed). */
export function decodeSegment(bytes: Buffer, name: string): Segment {
  const parsed = parseSegmentName(name);
  if (!parsed) throw new SegmentError(`文件名不是数据段：${name}`);
  if (sha256(bytes).slice(0, 8) !== parsed.sha8) throw new SegmentError('校验和不符（文件不完整或已损坏）');
  const text = bytes.toString('utf8');
  const endAt = text.lastIndexOf('#END ', text.length - 2);
  if (endAt < 0 || !text.endsWith('\n')) throw new SegmentError('文件不完整（缺少结尾）');
  const body = text.slice(0, endAt);
  const [, countText, hash] = text.slice(endAt, -1).split(' ');
  if (sha256(body) !== hash) throw new SegmentError('内容校验和不符');
  const lines = body.split('\n');
  lines.pop();
  const first = lines.shift() ?? '';
  if (!first.startsWith('DDSYNC ')) throw new SegmentError('不是 DealerDesk 数据段');
  const header = JSON.parse(first.slice(7)) as SegmentHeader;
  const changes = lines.map((l) => JSON.parse(l) as Change);
  if (changes.length !== Number(countText) || header.count !== changes.length) throw new SegmentError('变更条数不符');
  if (header.seq !== parsed.seq) throw new SegmentError('文件名与内容的序号不符');
  return { header, changes };
}
