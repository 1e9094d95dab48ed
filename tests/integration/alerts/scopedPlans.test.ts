/**
 * Under a salesperson's scope the tables are views and index hints are
 * dropped (db/scope.ts, db/query.ts): a rule's query must still walk the
 * salesperson's own customers' rows, not an index over the whole office.
 * contract_ended_with_balance read every invoice of the office through the
 * kind index (~0.5 s on the large set at every badge computed afresh).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyCustomerScope } from '../../../db/scope';
import { SCOPED_OPEN_BY_CONTRACT_SQL } from '../../../electron/services/alerts/rules/contracts';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

describe('alert queries under a salesperson scope', () => {
  it("contract_ended_with_balance walks the open items of the salesperson's customers", () => {
    const remove = applyCustomerScope(t.rt.database(), '甲业务员');
    try {
      const plan = (t.rt.database().sqlite.prepare(`EXPLAIN QUERY PLAN ${SCOPED_OPEN_BY_CONTRACT_SQL}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan).toMatch(/SEARCH main\.ar_documents USING INDEX ar_documents_open \(customer_id=\?\)/);
      expect(plan).not.toMatch(/kind_no/);
    } finally {
      remove();
    }
  });
});
