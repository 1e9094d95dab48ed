/**
 * Issue 12 point 4: what last-writer-wins cannot keep is kept, found after
 * the merge, shown as the same sync conflicts on every PC, and resolved by
 * synced writes. Real runtimes on their own SQLite files, a temp folder as
 * the share.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertList } from '../../../shared/api/alerts';
import type { ContractDetail } from '../../../shared/api/contracts';
import type { CustomerDetail } from '../../../shared/api/customers';
import type { CustomerLedger, PostResult } from '../../../shared/api/ledger';
import type { Product } from '../../../shared/api/products';
import type { GeneratedStatement, StatementRecord } from '../../../shared/api/statements';
import type { CustomerMergeView, MergePreview, SyncConflictItem, SyncStatusView } from '../../../shared/api/sync';
import { tableDigests } from '../../../electron/services/sync/digest';
import { dump, office, type Office, type Replica } from './helpers';

let o: Office;
beforeEach(async () => {
  o = await office();
});
afterEach(() => o.cleanup());

const createCustomer = (r: Replica, code: string, name: string, extra: Record<string, unknown> = {}) =>
  r.rt.invoke<CustomerDetail>('customers.create', { code, name, creditLimitFen: null, paymentTermDays: 30, ...extra });
const invoice = (r: Replica, customerId: string, date: string, amountFen: number, docNo = '') =>
  r.rt.invoke<PostResult>('ledger.postInvoice', { customerId, date, dueOn: '2026-12-31', amountFen, docNo });
const conflicts = (r: Replica) => r.rt.invoke<SyncConflictItem[]>('sync.conflicts', {});
const sql = <T>(r: Replica, text: string, ...args: unknown[]): T[] => r.rt.database().sqlite.prepare(text).all(...args) as T[];

/** Rounds until nothing moves (each PC publishes what the checks after the last round wrote). */
async function settle(...reps: Replica[]): Promise<void> {
  for (let i = 0; i < 4; i++) for (const r of reps) await o.sync(r);
  for (const r of reps) {
    const round = await o.sync(r);
    expect(round.published + round.applied, `${r.name} still moving`).toBe(0);
    expect(round.errors).toEqual([]);
  }
}

function expectConverged(a: Replica, b: Replica): void {
  expect(dump(a)).toEqual(dump(b));
  expect(tableDigests(a.rt.database())).toEqual(tableDigests(b.rt.database()));
}

const balance = (r: Replica, customerId: string): number =>
  sql<{ b: number }>(r, `SELECT balance_fen AS b FROM ar_customer_state WHERE customer_id = ?`, customerId)[0]?.b ?? 0;

describe('sync conflicts', () => {
  it('(a) a document voided on two PCs: both voids kept, exactly the first counts on every PC, shown until acknowledged', async () => {
    const a = await o.open('pc-a');
    const b = await o.open('pc-b');
    const c = await createCustomer(a, 'C0001', '华东五金有限公司');
    const inv = await invoice(a, c.id, '2026-11-02', 10_000);
    await invoice(a, c.id, '2026-11-03', 2_500);
    await settle(a, b);
    // Offline: both PCs void the same invoice, B on an earlier date than A.
    const va = await a.rt.invoke<PostResult>('ledger.void', { docId: inv.document.id, date: '2026-11-20', reason: '开错了' });
    const vb = await b.rt.invoke<PostResult>('ledger.void', { docId: inv.document.id, date: '2026-11-10', reason: '重复开票' });
    await settle(a, b);
    expectConverged(a, b);

    for (const r of [a, b]) {
      const voids = sql<{ id: string; created_by: string; voids_id: string }>(r, `SELECT id, created_by, voids_id FROM ar_documents WHERE kind = 'void' ORDER BY doc_date, created_by = 'sync', id`);
      // B's void (earlier date) counts; A's is voided by the system void every PC derived alike.
      expect(voids.map((v) => v.voids_id)).toEqual([inv.document.id, inv.document.id, va.document.id]);
      expect(voids[0].id).toBe(vb.document.id);
      expect(voids[2].created_by).toBe('sync');
      // The invoice is reversed once, not twice: only the 2,500 remains.
      expect(balance(r, c.id)).toBe(2_500);
      const ledger = await r.rt.invoke<CustomerLedger>('ledger.customerLedger', { customerId: c.id, from: '2026-11-01', to: '2026-11-30' });
      expect(ledger.closingFen).toBe(2_500);
      const original = ledger.lines.find((l) => l.docId === inv.document.id)!;
      expect(original.voided).toBe(true);
      // A's void is shown voided (without effect) by the system void.
      expect(ledger.lines.find((l) => l.docId === va.document.id)?.voided).toBe(true);
    }
    const ca = await conflicts(a);
    expect(ca.map((x) => x.kind)).toEqual(['duplicate_void']);
    expect(ca[0].rows.map((x) => x.id)).toEqual([vb.document.id, va.document.id]);
    expect(await conflicts(b)).toEqual(ca);

    // The alert center shows it; acknowledging on one PC clears it on both.
    const list = await a.rt.invoke<AlertList>('alerts.list', { asOf: null });
    const alert = list.alerts.find((x) => x.kind === 'sync_conflict');
    expect(alert?.key).toBe(ca[0].alertKey);
    await a.rt.invoke('alerts.acknowledge', { key: ca[0].alertKey, note: '已核对，以先冲销的为准' });
    await settle(a, b);
    expect(await conflicts(a)).toEqual([]);
    expect(await conflicts(b)).toEqual([]);
    expect((await o.sync(b)).conflicts).toBe(0);
    expectConverged(a, b);
  });

  it('(b) the same customer created on two PCs: both kept and flagged; merge into moves everything, undo restores it exactly; rename clears the rest', async () => {
    const a = await o.open('pc-a');
    const b = await o.open('pc-b');
    await settle(a, b);
    const ka = await createCustomer(a, 'C0100', '宁波恒远建材有限公司', { contact: { name: '王芳', mobile: '13800000001' } });
    const kb = await createCustomer(b, 'c0100', '宁波恒远建材有限公司', { contact: { name: '李强', mobile: '13900000002' } });
    await invoice(a, ka.id, '2026-11-05', 30_000);
    await invoice(b, kb.id, '2026-11-06', 12_000);
    await b.rt.invoke<PostResult>('ledger.postReceipt', { customerId: kb.id, date: '2026-11-08', amountFen: 5_000, method: 'bank_transfer' });
    await b.rt.invoke('interactions.create', { customerId: kb.id, date: '2026-11-07', channel: 'T', summary: '催款' });
    await settle(a, b);
    expectConverged(a, b);

    const [first, second] = [ka.id, kb.id].sort();
    for (const r of [a, b]) {
      expect(sql(r, `SELECT id FROM customers ORDER BY id`)).toEqual([{ id: first }, { id: second }]);
      const kinds = (await conflicts(r)).map((x) => `${x.kind}:${x.rows.map((row) => row.id).join(',')}`);
      expect(kinds).toEqual([`duplicate_customer_code:${first},${second}`, `duplicate_customer_name:${first},${second}`]);
    }
    expect(await conflicts(a)).toEqual(await conflicts(b));

    const business = (r: Replica) => ({
      customers: sql(r, `SELECT id, code, name, archived_at, merged_into FROM customers ORDER BY id`),
      contacts: sql(r, `SELECT id, customer_id, is_primary FROM contacts ORDER BY id`),
      docs: sql(r, `SELECT id, customer_id FROM ar_documents ORDER BY id`),
      interactions: sql(r, `SELECT id, customer_id FROM interactions ORDER BY id`),
      allocations: sql(r, `SELECT credit_id, debit_id, customer_id, amount_fen FROM ar_allocations ORDER BY credit_id, debit_id`),
      state: sql(r, `SELECT customer_id, balance_fen, open_debit_fen, unapplied_fen, doc_count FROM ar_customer_state ORDER BY customer_id`),
    });
    const before = business(a);

    // Merge B's record into A's, on A: the confirm step says what moves.
    const preview = await a.rt.invoke<MergePreview>('sync.mergePreview', { fromId: kb.id, intoId: ka.id });
    expect(preview.moves).toMatchObject({ ar_documents: 2, contacts: 1, interactions: 1 });
    const merge = await a.rt.invoke<CustomerMergeView>('sync.mergeCustomer', { fromId: kb.id, intoId: ka.id });
    expect(merge.moved).toMatchObject({ ar_documents: 2, contacts: 1, interactions: 1 });
    await settle(a, b);
    expectConverged(a, b);
    for (const r of [a, b]) {
      expect(sql(r, `SELECT count(*) AS n FROM ar_documents WHERE customer_id = ?`, kb.id)).toEqual([{ n: 0 }]);
      expect(balance(r, ka.id)).toBe(30_000 + 12_000 - 5_000);
      expect(balance(r, kb.id)).toBe(0);
      // One primary contact on the survivor; the moved one is kept as an ordinary contact.
      expect(sql(r, `SELECT count(*) AS n FROM contacts WHERE customer_id = ? AND is_primary = 1`, ka.id)).toEqual([{ n: 1 }]);
      expect(await conflicts(r)).toEqual([]);
    }
    const audit = sql<{ action: string }>(a, `SELECT action FROM audit_log WHERE entity = 'customer' AND entity_id = ? AND action = 'merge'`, kb.id);
    expect(audit).toHaveLength(1);

    // Undo on the other PC: every row goes back, derived data too.
    await b.rt.invoke<CustomerMergeView>('sync.undoMerge', { mergeId: merge.id });
    await settle(a, b);
    expectConverged(a, b);
    expect(business(a)).toEqual(before);
    expect(business(b)).toEqual(before);
    expect((await conflicts(a)).map((x) => x.kind)).toEqual(['duplicate_customer_code', 'duplicate_customer_name']);

    // Rename instead: the same checks as typing (a taken code is refused), then synced.
    await expect(b.rt.invoke('sync.rename', { table: 'customers', id: kb.id, field: 'code', value: 'C0100' })).rejects.toMatchObject({ code: 'validation' });
    await b.rt.invoke('sync.rename', { table: 'customers', id: kb.id, field: 'code', value: 'C0101' });
    await b.rt.invoke('sync.rename', { table: 'customers', id: kb.id, field: 'name', value: '宁波恒远建材有限公司（北仑）' });
    await settle(a, b);
    expect(await conflicts(a)).toEqual([]);
    expect(await conflicts(b)).toEqual([]);
    expectConverged(a, b);
  });

  it('(b) duplicate contract numbers, typed document numbers and tax ids from two PCs are kept and flagged; a contract is renumbered', async () => {
    const a = await o.open('pc-a');
    const b = await o.open('pc-b');
    const c = await createCustomer(a, 'C0001', '华东五金有限公司');
    const p = await a.rt.invoke<Product>('products.create', { code: 'P001', name: '螺纹钢', spec: 'HRB400', unit: '吨', defaultPriceFen: 415000 });
    await settle(a, b);
    const contract = (r: Replica) =>
      r.rt.invoke<ContractDetail>('contracts.create', {
        customerId: c.id,
        contractNo: 'HT-2026-001',
        title: '钢材供货合同',
        kind: 'sales',
        signedOn: '2026-11-20',
        startsOn: '2026-11-20',
        endsOn: '2027-03-31',
        lines: [{ productId: p.id, qty: '2', unitPrice: '4150' }],
      });
    const ha = await contract(a);
    const hb = await contract(b);
    await invoice(a, c.id, '2026-11-05', 1_000, 'FP-0001');
    await invoice(b, c.id, '2026-11-06', 2_000, 'FP-0001');
    // Same tax id typed on two PCs for two different customers.
    const taxId = '91330100MA27XK5G3T';
    await createCustomer(a, 'C0201', '杭州明远商贸有限公司', { taxId });
    await createCustomer(b, 'C0202', '杭州明远贸易有限公司', { taxId });
    // On one PC the same number is refused as before.
    await expect(invoice(a, c.id, '2026-11-07', 500, 'FP-0001')).rejects.toMatchObject({ code: 'conflict', field: 'docNo' });
    await expect(createCustomer(a, 'C0203', '杭州另一家公司', { taxId })).rejects.toMatchObject({ code: 'validation', field: 'taxId' });
    await settle(a, b);
    expectConverged(a, b);

    const kinds = (await conflicts(a)).map((x) => x.kind);
    expect(kinds).toEqual(['duplicate_tax_id', 'duplicate_contract_no', 'duplicate_doc_no']);
    expect(await conflicts(b)).toEqual(await conflicts(a));
    // Both invoices are on the books.
    expect(balance(a, c.id)).toBe(3_000);

    await a.rt.invoke('sync.rename', { table: 'contracts', id: [ha.id, hb.id].sort()[1], field: 'contractNo', value: 'HT-2026-002' });
    await expect(a.rt.invoke('sync.rename', { table: 'contracts', id: ha.id, field: 'contractNo', value: 'HT-2026-002' })).rejects.toMatchObject({ code: 'conflict' });
    await settle(a, b);
    expect((await conflicts(b)).map((x) => x.kind)).toEqual(['duplicate_tax_id', 'duplicate_doc_no']);
    expectConverged(a, b);
  });

  it('(c) a document from another PC inside a period the customer confirmed: accepted, the statement marked affected, shown on both', async () => {
    const a = await o.open('pc-a');
    const b = await o.open('pc-b');
    await a.rt.invoke('settings.updateCompany', { companyName: '杭州明远商贸有限公司', shortName: '明远' });
    const c = await createCustomer(a, 'C0001', '华东五金有限公司');
    await invoice(a, c.id, '2026-11-05', 10_000);
    await settle(a, b);
    const gen = await a.rt.invoke<GeneratedStatement>('statements.generate', { customerId: c.id, from: '2026-11-01', to: '2026-11-20' });
    await a.rt.invoke<StatementRecord>('statements.markSent', { id: gen.statement.id, date: null });
    await a.rt.invoke<StatementRecord>('statements.markConfirmed', { id: gen.statement.id, date: '2026-11-24' });
    // Offline, B does not know of the confirmation: its back-dated invoice goes in.
    await invoice(b, c.id, '2026-11-12', 4_000);
    await settle(a, b);
    expectConverged(a, b);
    for (const r of [a, b]) {
      const s = await r.rt.invoke<StatementRecord>('statements.get', { id: gen.statement.id });
      expect(s.status).toBe('confirmed');
      expect(s.affectedAt).not.toBeNull();
      expect(s.affectedReason).toMatch(/^同步：/);
      expect(balance(r, c.id)).toBe(14_000);
      const list = await conflicts(r);
      expect(list.map((x) => `${x.kind}:${x.value}`)).toEqual([`confirmed_period_changed:${gen.statement.statementNo}`]);
    }
  });

  it('(d) invoices entered on two PCs that together pass the credit limit raise a conflict alert on both', async () => {
    const a = await o.open('pc-a');
    const b = await o.open('pc-b');
    const c = await createCustomer(a, 'C0001', '华东五金有限公司', { creditLimitFen: 10_000 });
    await settle(a, b);
    await invoice(a, c.id, '2026-11-05', 6_000);
    await invoice(b, c.id, '2026-11-06', 6_000);
    expect(await conflicts(a)).toEqual([]);
    await settle(a, b);
    expectConverged(a, b);
    for (const r of [a, b]) {
      const list = await conflicts(r);
      expect(list.map((x) => x.kind)).toEqual(['credit_limit_passed']);
      expect(list[0].amountFen).toBe(12_000);
      const alerts = await r.rt.invoke<AlertList>('alerts.list', { asOf: null });
      expect(alerts.alerts.filter((x) => x.kind === 'sync_conflict').map((x) => x.key)).toEqual([list[0].alertKey]);
      const status = await r.rt.invoke<SyncStatusView>('sync.status', {});
      expect(status.syncConflicts.map((x) => x.key)).toEqual([list[0].key]);
    }
    // A receipt brings the balance back under the limit: the conflict is gone everywhere.
    await b.rt.invoke<PostResult>('ledger.postReceipt', { customerId: c.id, date: '2026-11-20', amountFen: 3_000, method: 'bank_transfer' });
    await settle(a, b);
    expect(await conflicts(a)).toEqual([]);
    expect(await conflicts(b)).toEqual([]);
  });

  it('(e) two PCs make different contacts primary while apart: nothing refused, the later choice is the one primary on both', async () => {
    const a = await o.open('pc-a');
    const b = await o.open('pc-b');
    const c = await createCustomer(a, 'C0001', '华东五金有限公司');
    const add = (name: string) => a.rt.invoke<{ id: string }>('contacts.create', { customerId: c.id, name });
    const first = await add('王经理');
    const x = await add('李会计');
    const z = await add('赵采购');
    await settle(a, b);
    await a.rt.invoke('contacts.setPrimary', { id: x.id });
    await b.rt.invoke('contacts.setPrimary', { id: z.id });
    await settle(a, b);
    const primaries = (r: Replica) => sql<{ id: string }>(r, `SELECT id FROM contacts WHERE customer_id = ? AND is_primary = 1`, c.id).map((p) => p.id);
    for (const r of [a, b]) {
      expect(sql(r, `SELECT * FROM sync_rejects`)).toEqual([]);
      expect(primaries(r)).toHaveLength(1);
    }
    expect(primaries(a)).toEqual(primaries(b));
    expect([x.id, z.id]).toContain(primaries(a)[0]);
    expect(primaries(a)[0]).not.toBe(first.id);
    expectConverged(a, b);
  });

  it('(f) a document entered for a customer on a PC that had not seen its merge follows the merge; undo takes it back too', async () => {
    const a = await o.open('pc-a');
    const b = await o.open('pc-b');
    await settle(a, b);
    const ka = await createCustomer(a, 'C0200', '绍兴鼎盛五金有限公司');
    const kb = await createCustomer(b, 'C0201', '绍兴鼎盛五金有限公司');
    await invoice(b, kb.id, '2026-11-06', 12_000);
    await settle(a, b);
    // A merges B's record into its own while B, not yet synced, invoices the merged customer again.
    const merge = await a.rt.invoke<CustomerMergeView>('sync.mergeCustomer', { fromId: kb.id, intoId: ka.id });
    const late = await invoice(b, kb.id, '2026-11-20', 7_000);
    await settle(a, b);
    expectConverged(a, b);
    for (const r of [a, b]) {
      expect(sql(r, `SELECT customer_id FROM ar_documents WHERE id = ?`, late.document.id)).toEqual([{ customer_id: ka.id }]);
      expect(balance(r, ka.id)).toBe(19_000);
      expect(balance(r, kb.id)).toBe(0);
    }
    await b.rt.invoke<CustomerMergeView>('sync.undoMerge', { mergeId: merge.id });
    await settle(a, b);
    expectConverged(a, b);
    for (const r of [a, b]) {
      expect(sql(r, `SELECT customer_id FROM ar_documents WHERE id = ?`, late.document.id)).toEqual([{ customer_id: kb.id }]);
      expect(balance(r, kb.id)).toBe(19_000);
      expect(balance(r, ka.id)).toBe(0);
    }
  });
});
