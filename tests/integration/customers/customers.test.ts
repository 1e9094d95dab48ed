import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact, CustomerDetail } from '../../../shared/api/customers';
import type { HistoryEntryDto as History } from '../../../shared/api/history';
import { auditRows, badTaxId, count, createCustomer, refusal, taxId, tempRuntime } from './helpers';

type T = Awaited<ReturnType<typeof tempRuntime>>;
let t: T;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

const snapshot = (json: string | null) => (json ? (JSON.parse(json) as Record<string, unknown>) : null);

describe('customers: create, update, archive, restore, delete', () => {
  it('creates a customer with its first contact as primary, audited with the after snapshot', async () => {
    const c = await createCustomer(t.rt, {
      code: 'C0001',
      name: '北京华东商贸有限公司',
      shortName: '华东',
      kind: 'distributor',
      grade: 'A',
      region: '北京',
      taxId: taxId(),
      creditLimitFen: 5_000_000,
      paymentTermDays: 45,
      salesperson: '陈立',
      tags: ['重点客户', '重点客户', '月结'],
      contact: { name: '张伟', title: '采购经理', mobile: '+86 138-0013-8000', phone: '0591-87654321 转 8001', email: 'Zhang@Example.COM' },
    });
    expect(c).toMatchObject({
      code: 'C0001',
      pinyin: 'bjhdsmyxgs hd',
      status: 'active',
      tags: ['重点客户', '月结'],
      effectivePaymentTermDays: 45,
      deleteBlockedReason: null,
    });
    expect(c.contacts).toHaveLength(1);
    expect(c.contacts[0]).toMatchObject({ isPrimary: true, mobile: '13800138000', phone: '0591-87654321 转 8001', email: 'Zhang@example.com' });

    const audit = auditRows(t.rt);
    expect(audit.map((a) => `${a.entity}:${a.action}`)).toEqual(['customer:create', 'contact:create']);
    expect(audit[0].before).toBeNull();
    expect(snapshot(audit[0].after)).toMatchObject({ code: 'C0001', name: '北京华东商贸有限公司', creditLimitFen: 5_000_000 });
    // Derived search columns and timestamps stay out of the history.
    expect(snapshot(audit[0].after)).not.toHaveProperty('pinyin');
    expect(snapshot(audit[0].after)).not.toHaveProperty('updatedAt');
  });

  it('payment term falls back to the settings default', async () => {
    const c = await createCustomer(t.rt, { code: 'C0001', name: '零售客户' });
    expect(c.paymentTermDays).toBeNull();
    expect(c.effectivePaymentTermDays).toBe(30);
    expect(await t.rt.invoke('customers.defaults', {})).toEqual({ code: 'C0002', paymentTermDays: 30, status: 'active' });
  });

  it('updates only the given fields, records before/after, and the history shows the field change', async () => {
    const c = await createCustomer(t.rt, { code: 'C0001', name: '重庆华东贸易有限公司', creditLimitFen: 5_000_000 });
    const u = await t.rt.invoke<CustomerDetail>('customers.update', { id: c.id, creditLimitFen: 8_000_000, name: '长沙华东贸易有限公司' });
    expect(u).toMatchObject({ code: 'C0001', creditLimitFen: 8_000_000, name: '长沙华东贸易有限公司', pinyin: 'cshdmyyxgs zshdmyyxgs' });
    const row = auditRows(t.rt, 'customer').at(-1)!;
    expect(row.action).toBe('update');
    expect(snapshot(row.before)).toMatchObject({ creditLimitFen: 5_000_000, name: '重庆华东贸易有限公司' });
    expect(snapshot(row.after)).toMatchObject({ creditLimitFen: 8_000_000, name: '长沙华东贸易有限公司' });

    const history = await t.rt.invoke<History[]>('system.history', { entity: 'customer', entityId: c.id });
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'creditLimitFen', before: 5_000_000, after: 8_000_000 },
        { field: 'name', before: '重庆华东贸易有限公司', after: '长沙华东贸易有限公司' },
      ]),
    );
    expect(history[0].changes).toHaveLength(2);

    // Saving the same values again changes nothing and writes no audit row.
    const before = auditRows(t.rt).length;
    await t.rt.invoke('customers.update', { id: c.id, creditLimitFen: 8_000_000 });
    expect(auditRows(t.rt)).toHaveLength(before);
  });

  it('an update leaves every field it does not mention as it was', async () => {
    const c = await createCustomer(t.rt, { code: 'C0001', name: '甲', address: '人民路 1 号', taxId: taxId(), bankAccount: '6222 0000 1111', tags: ['月结'], grade: 'B' });
    const u = await t.rt.invoke<CustomerDetail>('customers.update', { id: c.id, notes: '新备注' });
    expect(u).toMatchObject({ address: '人民路 1 号', taxId: taxId(), bankAccount: '6222 0000 1111', tags: ['月结'], grade: 'B', notes: '新备注' });
    // Explicit null clears an optional field.
    expect((await t.rt.invoke<CustomerDetail>('customers.update', { id: c.id, grade: null })).grade).toBeNull();
  });

  it('refuses a save whose form is stale (expectedUpdatedAt)', async () => {
    const c = await createCustomer(t.rt, { code: 'C0001', name: '甲' });
    const e = await refusal(t.rt.invoke('customers.update', { id: c.id, notes: 'x', expectedUpdatedAt: '2020-01-01T00:00:00.000Z' }));
    expect(e.code).toBe('conflict');
  });

  it('archives and restores with a reason; archived customers are read-only', async () => {
    const c = await createCustomer(t.rt, { code: 'C0001', name: '甲公司' });
    const a = await t.rt.invoke<CustomerDetail>('customers.archive', { id: c.id, reason: '已停止合作' });
    expect(a.archivedAt).toBe('2026-11-24T02:00:00.000Z');
    const archived = auditRows(t.rt, 'customer').at(-1)!;
    expect(archived.action).toBe('archive');
    expect(snapshot(archived.before)).toMatchObject({ archivedAt: null });
    expect(snapshot(archived.after)).toMatchObject({ archivedAt: '2026-11-24T02:00:00.000Z', reason: '已停止合作' });

    expect((await refusal(t.rt.invoke('customers.update', { id: c.id, notes: 'x' }))).message).toContain('已归档');
    expect((await refusal(t.rt.invoke('contacts.create', { customerId: c.id, name: '李四' }))).message).toContain('已归档');
    expect((await refusal(t.rt.invoke('customers.archive', { id: c.id, reason: '再来' }))).message).toContain('已经归档');
    expect((await refusal(t.rt.invoke('customers.archive', { id: c.id, reason: '' }))).field).toBe('reason');

    const r = await t.rt.invoke<CustomerDetail>('customers.restore', { id: c.id, reason: '恢复合作' });
    expect(r.archivedAt).toBeNull();
    expect(auditRows(t.rt, 'customer').at(-1)!.action).toBe('restore');
  });

  it('an archived name may be reused; restoring it then is refused while the name is taken', async () => {
    const old = await createCustomer(t.rt, { code: 'C0001', name: '甲公司' });
    await t.rt.invoke('customers.archive', { id: old.id, reason: '注销' });
    await createCustomer(t.rt, { code: 'C0002', name: '甲公司' });
    const e = await refusal(t.rt.invoke('customers.restore', { id: old.id, reason: '' }));
    expect(e.field).toBe('name');
    expect(e.message).toContain('C0002');
  });

  it('deletes a customer with no references (contacts go with it); refuses once it has interactions', async () => {
    const a = await createCustomer(t.rt, { code: 'C0001', name: '甲', contact: { name: '张三' } });
    await t.rt.invoke('customers.delete', { id: a.id, reason: '录错了' });
    expect(count(t.rt, 'customers')).toBe(0);
    expect(count(t.rt, 'contacts')).toBe(0);
    const del = auditRows(t.rt).filter((r) => r.action === 'delete');
    expect(del.map((r) => r.entity).sort()).toEqual(['contact', 'customer']);
    expect(snapshot(del.find((r) => r.entity === 'customer')!.after)).toEqual({ reason: '录错了' });

    const b = await createCustomer(t.rt, { code: 'C0002', name: '乙' });
    await t.rt.invoke('interactions.create', { customerId: b.id, date: '2026-11-20', channel: 'T', summary: '电话催款' });
    const detail = await t.rt.invoke<CustomerDetail>('customers.get', { id: b.id });
    expect(detail.deleteBlockedReason).toContain('往来记录');
    const e = await refusal(t.rt.invoke('customers.delete', { id: b.id, reason: '不要了' }));
    expect(e.message).toContain('1 条往来记录');
    expect(count(t.rt, 'customers')).toBe(1);
  });

  it('suggests the next code in the office series', async () => {
    expect(await t.rt.invoke('customers.nextCode', {})).toEqual({ code: 'C0001' });
    await createCustomer(t.rt, { code: 'C0009', name: '甲' });
    await createCustomer(t.rt, { code: 'c0010', name: '乙' });
    expect(await t.rt.invoke('customers.nextCode', {})).toEqual({ code: 'c0011' });
    await createCustomer(t.rt, { code: 'KH-007', name: '丙' });
    expect(await t.rt.invoke('customers.nextCode', {})).toEqual({ code: 'KH-008' });
  });
});

describe('customers: refusals write nothing', () => {
  const refusedCases: [string, Record<string, unknown>, string, RegExp][] = [
    ['bad tax id check character', { taxId: badTaxId() }, 'taxId', /校验位/],
    ['a 10-digit mobile', { contact: { name: '张三', mobile: '1380013800' } }, 'contact.mobile', /11 位/],
    ['a negative credit limit', { creditLimitFen: -100 }, 'creditLimitFen', /负数/],
    ['fractional fen', { creditLimitFen: 10.5 }, 'creditLimitFen', /分/],
    ['a payment term over ten years', { paymentTermDays: 4000 }, 'paymentTermDays', /3650/],
    ['an unknown kind', { kind: 'wholesale' }, 'kind', /二批\/分销/],
    ['a grade E', { grade: 'E' }, 'grade', /A、B、C、D/],
    ['a code with a space', { code: 'C 0001' }, 'code', /空格/],
    ['an empty name', { name: '  ' }, 'name', /客户名称/],
    ['a bad bank account', { bankAccount: '6222abc' }, 'bankAccount', /银行账号/],
    ['a bad e-mail', { contact: { name: '张三', email: 'zhang@' } }, 'contact.email', /邮箱/],
  ];
  it.each(refusedCases)('%s', async (_label, patch, field, message) => {
    const e = await refusal(t.rt.invoke('customers.create', { code: 'C0001', name: '测试客户', ...patch }));
    expect(e.code).toBe('validation');
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
    expect(count(t.rt, 'customers')).toBe(0);
    expect(count(t.rt, 'contacts')).toBe(0);
    expect(count(t.rt, 'audit_log')).toBe(0);
  });

  it('duplicate code (ignoring case) and duplicate name among customers in use', async () => {
    await createCustomer(t.rt, { code: 'C0001', name: '北京华东商贸有限公司' });
    const audit = count(t.rt, 'audit_log');
    const dupCode = await refusal(t.rt.invoke('customers.create', { code: 'c0001', name: '另一家' }));
    expect(dupCode).toMatchObject({ code: 'validation', field: 'code' });
    expect(dupCode.message).toBe('客户编码“c0001”已存在（客户“北京华东商贸有限公司”）');
    // Extra inner spaces do not make a different name.
    const dupName = await refusal(t.rt.invoke('customers.create', { code: 'C0002', name: '北京华东商贸有限公司' }));
    expect(dupName).toMatchObject({ code: 'validation', field: 'name' });
    expect(dupName.message).toContain('C0001');
    expect(count(t.rt, 'customers')).toBe(1);
    expect(count(t.rt, 'audit_log')).toBe(audit);

    const other = await createCustomer(t.rt, { code: 'C0002', name: '另一家' });
    expect((await refusal(t.rt.invoke('customers.update', { id: other.id, code: 'C0001' }))).field).toBe('code');
    expect((await refusal(t.rt.invoke('customers.update', { id: other.id, name: '北京华东商贸有限公司' }))).field).toBe('name');
  });

  it('the database constraints hold even if a service check were skipped', () => {
    const db = t.rt.database().sqlite;
    const insert = (values: string) =>
      db.prepare(`INSERT INTO customers (id, code, name, credit_limit_fen, status, created_at, updated_at) VALUES ${values}`).run();
    insert(`('a', 'C1', '甲', 100, 'active', 'x', 'x')`);
    // Since sync (migration 0017) a duplicate code or name is the services' refusal only: the same
    // customer created on two PCs offline must be storable, and is then shown as a sync conflict.
    expect(() => insert(`('b', 'c1', '乙', 100, 'active', 'x', 'x')`)).not.toThrow();
    expect(() => insert(`('c', 'C2', '甲', 100, 'active', 'x', 'x')`)).not.toThrow();
    expect(() => insert(`('d', 'C3', '丙', -1, 'active', 'x', 'x')`)).toThrow(/CHECK/);
    expect(() => insert(`('e', 'C4', '丁', 1.5, 'active', 'x', 'x')`)).toThrow(/CHECK/);
    expect(() => insert(`('f', 'C5', '戊', 1, 'frozen', 'x', 'x')`)).toThrow(/CHECK/);
  });
});

describe('contacts', () => {
  it('keeps exactly one primary: first is primary, setPrimary switches, deleting the primary promotes the next', async () => {
    const c = await createCustomer(t.rt, { code: 'C0001', name: '甲' });
    const a = await t.rt.invoke<Contact>('contacts.create', { customerId: c.id, name: '张三' });
    const b = await t.rt.invoke<Contact>('contacts.create', { customerId: c.id, name: '李四', mobile: '13912345678' });
    expect(a.isPrimary).toBe(true);
    expect(b.isPrimary).toBe(false);
    const after = await t.rt.invoke<Contact[]>('contacts.setPrimary', { id: b.id });
    expect(after.map((x) => [x.name, x.isPrimary])).toEqual([
      ['李四', true],
      ['张三', false],
    ]);
    const cNew = await t.rt.invoke<Contact>('contacts.create', { customerId: c.id, name: '王五', isPrimary: true });
    expect(cNew.isPrimary).toBe(true);
    await t.rt.invoke('contacts.delete', { id: cNew.id });
    const list = await t.rt.invoke<Contact[]>('contacts.list', { customerId: c.id });
    expect(list.filter((x) => x.isPrimary).map((x) => x.name)).toEqual(['张三']);

    const updated = await t.rt.invoke<Contact>('contacts.update', { id: b.id, title: '财务' });
    expect(updated).toMatchObject({ name: '李四', title: '财务', mobile: '13912345678' });
    const e = await refusal(t.rt.invoke('contacts.update', { id: b.id, mobile: '1391234567' }));
    expect(e.field).toBe('mobile');
    expect(auditRows(t.rt, 'contact').map((r) => r.action)).toEqual([
      'create',
      'create',
      'unset_primary',
      'set_primary',
      'unset_primary',
      'create',
      'delete',
      'set_primary',
      'update',
    ]);
  });
});

describe('interactions', () => {
  it('lists newest first with who entered it; a promise needs date and amount together', async () => {
    const c = await createCustomer(t.rt, { code: 'C0001', name: '甲' });
    await t.rt.invoke('interactions.create', { customerId: c.id, date: '2026-11-02', channel: 'T', summary: '第一次电话' });
    await t.rt.invoke('interactions.create', {
      customerId: c.id,
      date: '2026-11-20',
      channel: 'M',
      summary: '上门拜访',
      promiseDate: '2026-11-30',
      promiseAmountFen: 2_000_000,
      nextFollowUp: '2026-12-01',
    });
    await t.rt.invoke('interactions.create', { customerId: c.id, date: '2026-11-10', channel: 'E', summary: '发对账单' });
    const list = await t.rt.invoke<{ date: string; user: string; promiseAmountFen: number | null }[]>('interactions.list', { customerId: c.id });
    expect(list.map((i) => i.date)).toEqual(['2026-11-20', '2026-11-10', '2026-11-02']);
    expect(list[0]).toMatchObject({ user: 'tester', promiseAmountFen: 2_000_000 });

    const noAmount = await refusal(t.rt.invoke('interactions.create', { customerId: c.id, date: '2026-11-20', channel: 'T', summary: 'x', promiseDate: '2026-11-25' }));
    expect(noAmount.field).toBe('promiseAmountFen');
    const early = await refusal(
      t.rt.invoke('interactions.create', { customerId: c.id, date: '2026-11-20', channel: 'T', summary: 'x', nextFollowUp: '2026-11-19' }),
    );
    expect(early.field).toBe('nextFollowUp');
    const badDay = await refusal(t.rt.invoke('interactions.create', { customerId: c.id, date: '2026-02-30', channel: 'T', summary: 'x' }));
    expect(badDay.field).toBe('date');
    const badChannel = await refusal(t.rt.invoke('interactions.create', { customerId: c.id, date: '2026-11-20', channel: 'X', summary: 'x' }));
    expect(badChannel.field).toBe('channel');
    expect(count(t.rt, 'interactions')).toBe(3);
    expect(auditRows(t.rt, 'interaction')).toHaveLength(3);
  });
});

