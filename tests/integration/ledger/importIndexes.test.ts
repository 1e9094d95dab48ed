/**
 * Migrations 0027_b/c take three indexes off the import's write path (issue 17
 * point 4): ar_documents_date, whose one column leads ar_documents_day_amounts,
 * the invoices without a contract in ar_documents_contract_invoices, and
 * ar_documents_uninvoiced, which no query could use (parameters, not literals). The
 * readers they served must still seek an index, with the same terms: a date
 * range (document lists, period figures, statements) and a contract's
 * invoices (rebate bases, contract progress). If someone drops the wider
 * index or widens a query so the partial index no longer applies, these fail.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { sqlite } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

const plan = (sql: string): string =>
  (sqlite(t).prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ from: '2026-01-01', to: '2026-01-31', contractId: 'C' }) as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ');

describe('indexes left after 0027_b', () => {
  it('no longer has ar_documents_date nor the never-read ar_documents_uninvoiced (0027_c); the contract index holds only invoices with a contract', () => {
    const indexes = sqlite(t).prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ar_documents'`).all() as { name: string; sql: string | null }[];
    expect(indexes.map((i) => i.name)).not.toContain('ar_documents_date');
    expect(indexes.map((i) => i.name)).not.toContain('ar_documents_uninvoiced');
    expect(indexes.find((i) => i.name === 'ar_documents_contract_invoices')?.sql).toMatch(/WHERE kind = 'invoice' AND contract_id IS NOT NULL$/);
  });

  it('a date range over all customers seeks ar_documents_day_amounts', () => {
    expect(plan(`SELECT d.id, d.doc_no FROM ar_documents d WHERE d.doc_date >= @from AND d.doc_date <= @to ORDER BY d.doc_date DESC`)).toMatch(
      /SEARCH d USING INDEX ar_documents_day_amounts \(doc_date>\? AND doc_date<\?\)/,
    );
    expect(plan(`SELECT max(doc_date) AS d FROM ar_documents`)).toMatch(/COVERING INDEX ar_documents_day_amounts/);
  });

  it("a contract's invoices seek the contract index, for a constant and for a join on the contract", () => {
    expect(plan(`SELECT sum(amount_fen) FROM ar_documents d WHERE d.contract_id = @contractId AND d.kind = 'invoice' AND d.doc_date BETWEEN @from AND @to`)).toMatch(
      /USING COVERING INDEX ar_documents_contract_invoices \(contract_id=\? AND doc_date>\? AND doc_date<\?\)/,
    );
    expect(
      plan(`SELECT c.id, sum(d.amount_fen) FROM contracts c CROSS JOIN ar_documents d ON d.contract_id = c.id AND d.kind = 'invoice' AND d.doc_date BETWEEN @from AND @to GROUP BY c.id`),
    ).toMatch(/USING COVERING INDEX ar_documents_contract_invoices \(contract_id=\? AND doc_date>\? AND doc_date<\?\)/);
  });
});
