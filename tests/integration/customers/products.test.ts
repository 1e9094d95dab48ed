import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/api/products';
import { auditRows, count, refusal, tempRuntime } from './helpers';

type T = Awaited<ReturnType<typeof tempRuntime>>;
let t: T;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

describe('products', () => {
  it('create, update, archive, restore with audit rows; list searches code, name, spec and initials', async () => {
    const p = await t.rt.invoke<Product>('products.create', { code: 'P0001', name: '华丰饮用天然水', spec: '550ml×24瓶', unit: '箱', defaultPriceFen: 2800 });
    await t.rt.invoke('products.create', { code: 'P0002', name: '金源纯牛奶', spec: '250ml×16盒', unit: '箱' });
    const u = await t.rt.invoke<Product>('products.update', { id: p.id, defaultPriceFen: 3000 });
    expect(u).toMatchObject({ spec: '550ml×24瓶', unit: '箱', defaultPriceFen: 3000 });
    await t.rt.invoke('products.archive', { id: p.id, reason: '停产' });
    expect((await t.rt.invoke<{ total: number }>('products.list', {})).total).toBe(1);
    await t.rt.invoke('products.restore', { id: p.id, reason: '' });
    const search = async (s: string) => (await t.rt.invoke<{ rows: Product[] }>('products.list', { search: s })).rows.map((r) => r.code);
    expect(await search('hfyy')).toEqual(['P0001']);
    expect(await search('trs')).toEqual(['P0001']);
    expect(await search('250ml')).toEqual(['P0002']);
    expect(await search('p000')).toEqual(['P0001', 'P0002']);
    const sorted = await t.rt.invoke<{ rows: Product[] }>('products.list', { sort: { column: 'defaultPriceFen', direction: 'desc' } });
    expect(sorted.rows.map((r) => r.code)).toEqual(['P0001', 'P0002']);
    expect(auditRows(t.rt, 'product').map((r) => r.action)).toEqual(['create', 'create', 'update', 'archive', 'restore']);
  });

  it('refuses a duplicate code, a negative price and 3 decimals (fen must be whole)', async () => {
    await t.rt.invoke('products.create', { code: 'P0001', name: '水' });
    expect((await refusal(t.rt.invoke('products.create', { code: 'p0001', name: '奶' }))).field).toBe('code');
    expect((await refusal(t.rt.invoke('products.create', { code: 'P0002', name: '奶', defaultPriceFen: -1 }))).field).toBe('defaultPriceFen');
    expect((await refusal(t.rt.invoke('products.create', { code: 'P0002', name: '奶', defaultPriceFen: 1.5 }))).field).toBe('defaultPriceFen');
    expect(count(t.rt, 'products')).toBe(1);
  });
});
