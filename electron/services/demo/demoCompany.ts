import type { CompanyProfileInput } from '../../../shared/api/settings';
import type { Rng } from '../../../shared/random';
import { computeTaxIdCheckChar } from '../../../shared/validators/taxId';
import { cityByName, demoAddress, demoLandline, type DemoCity, type DemoProvince } from './demoPlaces';

const CITIES = ['杭州', '苏州', '成都', '武汉', '长沙', '郑州', '合肥', '南昌'];
const TRADES = ['恒通', '瑞丰', '华盛', '永信', '鼎泰', '嘉禾'];

function place(name: string): { province: DemoProvince; city: DemoCity } {
  const found = cityByName(name);
  if (!found) throw new Error(`demo company city ${name} is not in demoPlaces`);
  return found;
}

/** A plausible 建材 distributor's profile (address and phone of its own city) with a tax id whose check character is right. */
export function demoCompany(rng: Rng): CompanyProfileInput {
  const { province, city: where } = place(rng.pick(CITIES));
  const city = where.city;
  const trade = rng.pick(TRADES);
  const body = `91${String(rng.int(110000, 659000))}MA${String(rng.int(1000000, 9999999))}`.slice(0, 17);
  return {
    companyName: `${city}${trade}建材有限公司`,
    shortName: `${trade}建材`,
    address: demoAddress(province, where, where.districts[1], '兴业路', rng.int(1, 300)),
    phone: demoLandline(where, 80_000_000 + rng.int(1000000, 9999999)),
    taxId: body + computeTaxIdCheckChar(body),
    bankName: `中国工商银行${city}分行营业部`,
    bankAccount: `1202 0212 ${rng.int(1000, 9999)} ${rng.int(1000, 9999)} ${rng.int(100, 999)}`,
  };
}
