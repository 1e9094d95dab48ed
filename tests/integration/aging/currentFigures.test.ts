/**
 * As of a date nothing is dated after, the report reads the stored state
 * (aging/currentFigures.ts): the open-items index must hold everything it
 * reads on both bases (migration 0028 added the document date), or each of
 * ~20,000 open debits costs a lookup in a million-row table. Whether the
 * figures equal the replay is the property tests' job (figuresCache,
 * independent); this checks that the read stays an index-only read.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OPEN_DEBITS } from '../../../electron/services/aging/currentFigures';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { sqlite } from '../ledger/helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

const plan = (sql: string): string =>
  (sqlite(t).prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('aging as of today from the stored state', () => {
  it.each(['due', 'document'] as const)('reads the open debits from the open-items index alone (%s basis)', (basis) => {
    expect(plan(OPEN_DEBITS[basis])).toMatch(/^SCAN ar_documents USING COVERING INDEX ar_documents_open$/);
  });
});
