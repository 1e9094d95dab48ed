/**
 * Shared bits of the import tests: a temp folder for generated fixture files
 * (no binaries are committed) and a small column spec shaped like the real
 * customer import, with parsers simple enough to be obviously right.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defineImportColumns,
  invalidCell,
  parsedCell,
  type CellParseResult,
  type FilledCell,
} from '../../../electron/services/import/columns';

export interface TempDir {
  /** Writes a fixture and reads it back from disk, as an import would. */
  roundTrip(name: string, bytes: Uint8Array | string): Buffer;
  path(name: string): string;
  remove(): void;
}

export function makeTempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'dealerdesk-import-'));
  return {
    path: (name) => join(dir, name),
    roundTrip(name, bytes) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      return readFileSync(file);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Yuan text (or a number cell) to fen, digit by digit; at most two decimals. */
export function fenFromText(text: string): number | null {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -fen : fen;
}

function testAmount(cell: FilledCell): CellParseResult<number> {
  const text =
    typeof cell === 'number'
      ? String(cell)
      : typeof cell === 'string'
        ? cell.normalize('NFKC').replace(/^[¥￥]/, '').replace(/,/g, '')
        : null;
  const fen = text === null ? null : fenFromText(text);
  return fen === null ? invalidCell(`金额格式不正确：“${String(cell)}”`) : parsedCell(fen);
}

function testDate(cell: FilledCell): CellParseResult<string> {
  if (cell instanceof Date) return parsedCell(cell.toISOString().slice(0, 10));
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(String(cell));
  if (!m) return invalidCell(`日期格式不正确：“${String(cell)}”`);
  return parsedCell(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`);
}

function testGrade(cell: FilledCell): CellParseResult<'A' | 'B' | 'C' | 'D'> {
  const grade = String(cell).toUpperCase();
  return grade === 'A' || grade === 'B' || grade === 'C' || grade === 'D'
    ? parsedCell(grade)
    : invalidCell('等级只能是 A、B、C、D');
}

export const testColumns = defineImportColumns([
  { key: 'code', header: '客户编码', alias: 'code', required: true },
  { key: 'name', header: '客户名称', alias: 'name', required: true },
  { key: 'grade', header: '等级', alias: 'grade', parse: testGrade },
  { key: 'credit_limit', header: '信用额度', alias: 'credit_limit', parse: testAmount },
  { key: 'signed_on', header: '签约日期', alias: 'signed_on', parse: testDate },
  { key: 'notes', header: '备注', alias: 'notes' },
]);
