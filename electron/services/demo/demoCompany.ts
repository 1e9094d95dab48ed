import type { CompanyProfileInput } from '../../../shared/api/settings';
import type { Rng } from '../../../shared/random';
import { computeTaxIdCheckChar } from '../../../shared/validators/taxId';

const CITIES = ['杭州', '苏州', '成都', '武汉', '长沙', '郑州', '合肥', '南昌'];
const TRADES = ['恒通', '瑞丰', '华盛', '永信', '鼎泰', '嘉禾'];

/** A plausible distributor's profile with a tax id whose check character is right. */
export function demoCompany(rng: Rng): CompanyProfileInput {
  const city = rng.pick(CITIES);
  const trade = rng.pick(TRADES);
  const body = `91${String(rng.int(110000, 659000))}MA${String(rng.int(1000000, 9999999))}`.slice(0, 17);
  return {
    companyName: `${city}${trade}商贸有限公司`,
    shortName: `${trade}商贸`,
    address: `${city}市经济开发区兴业路 ${rng.int(1, 300)} 号`,
    phone: `0571-8${rng.int(1000000, 9999999)}`,
    taxId: body + computeTaxIdCheckChar(body),
    bankName: `中国工商银行${city}分行营业部`,
    bankAccount: `1202 0212 ${rng.int(1000, 9999)} ${rng.int(1000, 9999)} ${rng.int(100, 999)}`,
  };
}
