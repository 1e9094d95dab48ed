/**
 * The customer, contract and statement sync conflicts are kept per
 * connection until one of those tables is written (sync/conflicts.ts
 * recordConflicts, db/writeWatch.ts). Proven here equal to a fresh reading
 * (computeRecordConflicts) after every step of random sequences: rows
 * arriving as from another PC, written by another connection (its commit)
 * or straight through this one (as the sync apply does) — a customer copied
 * under a new id with its code in another case, a contract number again, a
 * confirmed statement marked affected by sync or cleared, a customer's first
 * audit row arriving after the customer — renames, archiving and merges
 * through the API, postings (which must change nothing), and the TEMP
 * triggers dropped (temp_store changed).
 * RECORD_CONFLICT_RUNS sets the number of sequences (deep runs: e.g. 100).
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedStatement } from '../../../shared/api/statements';
import { newId } from '../../../shared/ids';
import { computeRecordConflicts, recordConflicts } from '../../../electron/services/sync/conflicts';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

const RUNS = Number(process.env.RECORD_CONFLICT_RUNS ?? 6);

type Via = 'this' | 'other';
type Step =
  | { kind: 'copyCustomer'; pick: number; upper: boolean; via: Via }
  | { kind: 'copyContract'; pick: number; via: Via }
  | { kind: 'flagStatement'; on: boolean; via: Via }
  | { kind: 'earlierAudit'; pick: number; via: Via }
  | { kind: 'rename'; pick: number; n: number }
  | { kind: 'archive'; pick: number }
  | { kind: 'merge'; from: number; into: number }
  | { kind: 'receipt'; pick: number }
  | { kind: 'dropTriggers' };

const via = fc.constantFrom<Via>('this', 'other');
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('copyCustomer' as const), pick: fc.nat(), upper: fc.boolean(), via }),
  fc.record({ kind: fc.constant('copyContract' as const), pick: fc.nat(), via }),
  fc.record({ kind: fc.constant('flagStatement' as const), on: fc.boolean(), via }),
  fc.record({ kind: fc.constant('earlierAudit' as const), pick: fc.nat(), via }),
  fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), n: fc.nat(3) }),
  fc.record({ kind: fc.constant('archive' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('merge' as const), from: fc.nat(), into: fc.nat() }),
  fc.record({ kind: fc.constant('receipt' as const), pick: fc.nat() }),
  fc.constant({ kind: 'dropTriggers' as const }),
);

let t: TempRuntime;
beforeAll(async () => {
  t = await tempRuntime();
  await t.rt.invoke('settings.updateCompany', { companyName: '杭州明远商贸有限公司', shortName: '明远商贸', address: '杭州', phone: '0571-88886666', bankName: '中国工商银行', bankAccount: '1202 0210 0910 0123 456' });
}, 60_000);
afterAll(() => t.cleanup());

/** Copies a row of `table` under a new id with some columns replaced, through this connection or another one. */
function copyRow(table: string, id: string, replace: Record<string, unknown>, through: Via): void {
  const run = (db: Database.Database) => {
    const cols = (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck(true).all() as string[]).filter((c) => c !== 'id' && !(c in replace));
    const names = Object.keys(replace);
    db.prepare(`INSERT INTO ${table} (id, ${[...names, ...cols].join(', ')}) SELECT ?, ${[...names.map(() => '?'), ...cols].join(', ')} FROM ${table} WHERE id = ?`).run(
      newId(),
      ...names.map((n) => replace[n]),
      id,
    );
  };
  onConnection(through, run);
}

function onConnection(through: Via, fn: (db: Database.Database) => void): void {
  if (through === 'this') return fn(t.rt.database().sqlite);
  const other = new Database(t.dbFile);
  try {
    other.pragma('busy_timeout = 5000');
    other.pragma('foreign_keys = OFF');
    fn(other);
  } finally {
    other.close();
  }
}

describe('kept customer, contract and statement conflicts', () => {
  it('equal a fresh reading after every step', async () => {
    let tag = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 6, maxLength: 18 }), async (steps) => {
        const run = tag++;
        const ids: string[] = [];
        for (let i = 0; i < 3; i++) {
          ids.push((await t.rt.invoke<{ id: string }>('customers.create', { code: `R${run}-${i}`, name: `记录冲突${run}-${i}有限公司`, paymentTermDays: 0 })).id);
        }
        const contract = await t.rt.invoke<{ id: string }>('contracts.create', {
          customerId: ids[0],
          contractNo: `HT-R${run}`,
          signedOn: '2026-10-01',
          startsOn: '2026-10-01',
          endsOn: '2027-09-30',
          amountFen: 100_000,
        });
        await t.rt.invoke('ledger.postInvoice', { customerId: ids[0], date: '2026-10-05', amountFen: 50_000, override: { reason: '测试' } });
        const statement = await t.rt.invoke<GeneratedStatement>('statements.generate', { customerId: ids[0], from: '2026-10-01', to: '2026-10-31' });
        const statementId = statement.statement.id;
        await t.rt.invoke('statements.markConfirmed', { id: statementId, date: '2026-11-24' });
        const ctx = () => t.rt.context();
        recordConflicts(ctx());
        for (const [i, s] of steps.entries()) {
          const who = (n: number) => ids[n % ids.length];
          switch (s.kind) {
            case 'copyCustomer': {
              const code = (t.rt.database().sqlite.prepare('SELECT code FROM customers WHERE id = ?').pluck(true).get(who(s.pick)) as string) ?? '';
              copyRow('customers', who(s.pick), { code: s.upper ? code.toUpperCase() : code.toLowerCase() }, s.via);
              break;
            }
            case 'copyContract':
              copyRow('contracts', contract.id, { contract_no: s.pick % 2 === 0 ? `ht-r${run}` : `HT-R${run}` }, s.via);
              break;
            case 'flagStatement':
              onConnection(s.via, (db) =>
                db.prepare(`UPDATE statements SET affected_at = ?, affected_reason = ? WHERE id = ?`).run(s.on ? '2026-11-20T00:00:00Z' : null, s.on ? '同步：另一台电脑的单据' : '', statementId),
              );
              break;
            case 'earlierAudit':
              onConnection(s.via, (db) =>
                db
                  .prepare(`INSERT INTO audit_log (id, at, user, device, entity, entity_id, action, before, after) VALUES (?, ?, 'other', ?, 'customer', ?, 'create', NULL, NULL)`)
                  .run(newId(), `2020-01-0${1 + (i % 9)}T00:00:00Z`, `pc-${i}`, who(s.pick)),
              );
              break;
            case 'rename':
              await t.rt.call('customers.update', { id: who(s.pick), name: `记录冲突${run}-改名${s.n}有限公司` });
              break;
            case 'archive':
              await t.rt.call('customers.archive', { id: who(s.pick), reason: '测试' });
              break;
            case 'merge':
              if (who(s.from) !== who(s.into)) await t.rt.call('customers.merge', { fromId: who(s.from), intoId: who(s.into), reason: '测试' });
              break;
            case 'receipt':
              await t.rt.call('ledger.postReceipt', { customerId: who(s.pick), date: '2026-11-10', amountFen: 100 });
              break;
            case 'dropTriggers':
              // Changing temp_store drops every TEMP object: the triggers are gone, writes meanwhile unseen.
              t.rt.database().sqlite.pragma('temp_store = FILE');
              t.rt.database().sqlite.pragma('temp_store = MEMORY');
              copyRow('customers', who(i), { code: `X${run}-${i}` }, 'this');
              break;
          }
          expect(recordConflicts(ctx()), `after step ${i} (${s.kind})`).toEqual(computeRecordConflicts(ctx()));
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
