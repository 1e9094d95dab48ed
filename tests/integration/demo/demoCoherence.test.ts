/**
 * Demo data a distributor believes (issue 16 point 13), checked on a
 * generated small demo: each customer's name, 地区, address, landline and
 * bank branch name the same city (and its real area code); products, their
 * units and the memos of shipments all belong to the demo's one trade
 * (建材), each kind of goods in its own unit; the company's own address and
 * phone agree as well.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROVINCES, cityByName, type DemoCity, type DemoProvince } from '../../../electron/services/demo/demoPlaces';
import { DEMO_GOODS } from '../../../electron/services/demo/demoTrade';
import { generateDemo } from '../../../electron/services/demo/generateDemo';
import type { CompanyProfile } from '../../../shared/api/settings';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

let t: TempRuntime;
const all = <T>(sql: string) => t.rt.database().sqlite.prepare(sql).all() as T[];
const CITY_NAMES = DEMO_PROVINCES.flatMap((p) => p.cities.map((c) => c.city));

/** The city a name starts with (longest first, so 南充 is not taken for 南…). */
function cityOf(name: string): { province: DemoProvince; city: DemoCity } {
  const hit = [...CITY_NAMES].sort((a, b) => b.length - a.length).find((c) => name.startsWith(c));
  expect(hit, name).toBeDefined();
  return cityByName(hit!)!;
}

beforeAll(async () => {
  t = await tempRuntime();
  await generateDemo(t.rt, { size: 'small', seed: 7 });
}, 120_000);
afterAll(() => t.cleanup());

describe('demo customers agree with their city', () => {
  it('name, 地区, address, landline and bank branch', () => {
    const rows = all<{ name: string; region: string; address: string; bank_name: string; phone: string | null }>(
      `SELECT c.name, c.region, c.address, c.bank_name, k.phone FROM customers c LEFT JOIN contacts k ON k.customer_id = c.id AND k.is_primary = 1`,
    );
    expect(rows.length).toBe(50);
    let landlines = 0;
    for (const r of rows) {
      const { province, city } = cityOf(r.name);
      expect(r.region, r.name).toBe(province.province);
      const prefix = province.municipality ? `${city.city}市` : `${province.province}省${city.city}市`;
      expect(r.address.startsWith(prefix), `${r.name}: ${r.address}`).toBe(true);
      expect(city.districts.some((d) => r.address.startsWith(`${prefix}${d}`)), r.address).toBe(true);
      if (r.bank_name) expect(r.bank_name, r.name).toContain(city.city);
      if (r.phone) {
        landlines++;
        expect(r.phone, r.name).toMatch(new RegExp(`^${city.areaCode}-[2-8]\\d{7}$`));
      }
    }
    expect(landlines).toBeGreaterThan(10);
  });

  it('the company itself: address and phone of its own city, a 建材 name', async () => {
    const company = await t.rt.invoke<CompanyProfile>('settings.getCompany', {});
    const { province, city } = cityOf(company.companyName);
    expect(company.companyName).toMatch(/建材有限公司$/);
    expect(company.address.startsWith(`${province.province}省${city.city}市`) || company.address.startsWith(`${city.city}市`)).toBe(true);
    expect(company.phone.startsWith(`${city.areaCode}-`)).toBe(true);
  });
});

describe('demo goods belong to one trade', () => {
  const family = (name: string) => DEMO_GOODS.find((g) => name.includes(g.name));

  it('every product is a kind of 建材 goods, sold in that kind\'s unit, with one of its specs', () => {
    const products = all<{ name: string; unit: string; spec: string }>(`SELECT name, unit, spec FROM products`);
    expect(products.length).toBe(30);
    for (const p of products) {
      const g = family(p.name);
      expect(g, p.name).toBeDefined();
      expect(p.unit, p.name).toBe(g!.unit);
      expect(g!.specs).toContain(p.spec);
    }
    // Tons of steel and cement, never by the 箱 or 瓶.
    expect(products.filter((p) => p.name.includes('螺纹钢')).every((p) => p.unit === '吨')).toBe(true);
  });

  it('shipment memos name goods of the catalogue in their own unit', () => {
    const memos = all<{ memo: string }>(`SELECT memo FROM ar_documents WHERE kind = 'invoice' AND contract_id IS NULL`).map((r) => r.memo);
    expect(memos.length).toBeGreaterThan(100);
    for (const memo of memos) {
      const g = family(memo);
      expect(g, memo).toBeDefined();
      expect(memo, memo).toMatch(new RegExp(`^${g!.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\d+${g!.unit}$`));
    }
  });
});
