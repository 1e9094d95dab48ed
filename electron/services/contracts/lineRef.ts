/**
 * A contract line named in an import cell (合同行 of the invoice import,
 * 产品线 of the rebate-policy import): its line number (1, 2, …), its
 * product code or its description, and it must match exactly one line of
 * the contract. A number is tried as a line number first, because that is
 * what the printed contract shows beside each line.
 */
import type { ServiceContext } from '../context';

export interface LineRefFacts {
  id: string;
  seq: number;
  description: string;
}

export type LineRefResult = { ok: true; line: LineRefFacts } | { ok: false; message: string };

const LINES_SQL = `SELECT l.id, l.seq, l.description, p.code AS product_code
  FROM contract_lines l LEFT JOIN products p ON p.id = l.product_id WHERE l.contract_id = ? ORDER BY l.seq`;

/** A resolver per import: each contract's lines are read once. */
export function contractLineResolver(ctx: ServiceContext): (contract: { id: string; contract_no: string }, ref: string) => LineRefResult {
  const stmt = ctx.db.prepare(LINES_SQL);
  const cache = new Map<string, (LineRefFacts & { product_code: string | null })[]>();
  return (contract, ref) => {
    let lines = cache.get(contract.id);
    if (!lines) {
      lines = stmt.all(contract.id) as (LineRefFacts & { product_code: string | null })[];
      cache.set(contract.id, lines);
    }
    const want = ref.trim();
    const lower = want.toLowerCase();
    if (lines.length === 0) return { ok: false, message: `合同 ${contract.contract_no} 没有合同行，不能指定“${want}”` };
    const bySeq = /^\d+$/.test(want) ? lines.find((l) => l.seq === Number(want)) : undefined;
    if (bySeq) return { ok: true, line: bySeq };
    const matches = lines.filter((l) => l.description.toLowerCase() === lower || (l.product_code !== null && l.product_code.toLowerCase() === lower));
    if (matches.length === 1) return { ok: true, line: matches[0] };
    if (matches.length > 1) return { ok: false, message: `合同 ${contract.contract_no} 有 ${matches.length} 行都叫“${want}”，请填写行号（1~${lines.length}）` };
    return { ok: false, message: `合同 ${contract.contract_no} 没有“${want}”这一行；请填写行号（1~${lines.length}）、产品编码或品名` };
  };
}
