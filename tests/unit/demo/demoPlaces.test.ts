/**
 * The demo's places table (issue 16 point 13): every city's area code is the
 * real one, so a 杭州 customer rings from 0571. The oracle below is written
 * out independently of demoPlaces.ts (well-known codes from the national
 * numbering plan); the rest checks the table's own shape.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PROVINCES, cityByName, demoAddress, demoLandline } from '../../../electron/services/demo/demoPlaces';

const KNOWN: Record<string, string> = {
  北京: '010', 上海: '021', 重庆: '023', 南京: '025', 武汉: '027', 成都: '028',
  杭州: '0571', 宁波: '0574', 温州: '0577', 苏州: '0512', 无锡: '0510', 合肥: '0551',
  济南: '0531', 青岛: '0532', 郑州: '0371', 长沙: '0731', 南昌: '0791', 福州: '0591', 厦门: '0592',
};

describe('demo places', () => {
  it('well-known cities carry their real area codes', () => {
    for (const [city, code] of Object.entries(KNOWN)) expect(cityByName(city)?.city.areaCode, city).toBe(code);
  });

  it('codes are 0 + 2 or 3 digits; two cities share one only where the plan merged them (长株潭 0731)', () => {
    const byCode = new Map<string, string[]>();
    for (const p of DEMO_PROVINCES)
      for (const c of p.cities) {
        expect(c.areaCode).toMatch(/^0\d{2,3}$/);
        byCode.set(c.areaCode, [...(byCode.get(c.areaCode) ?? []), c.city]);
        // District names end in 区 and differ.
        expect(c.districts[0]).toMatch(/区$/);
        expect(c.districts[0]).not.toBe(c.districts[1]);
      }
    const shared = [...byCode.entries()].filter(([, cities]) => cities.length > 1);
    expect(shared).toEqual([['0731', ['长沙', '株洲', '湘潭']]]);
  });

  it('an address names province (not for municipalities), city and district; a landline starts with the code', () => {
    const hz = cityByName('杭州')!;
    expect(demoAddress(hz.province, hz.city, '拱墅区', '建设路', 18)).toBe('浙江省杭州市拱墅区建设路18号');
    const sh = cityByName('上海')!;
    expect(demoAddress(sh.province, sh.city, '普陀区', '中山路', 5)).toBe('上海市普陀区中山路5号');
    expect(demoLandline(hz.city, 86123456)).toBe('0571-86123456');
  });
});
