/**
 * Demo customers, contacts, interactions and products. Records are built as
 * API inputs, validated by the same zod schemas as the forms, and written by
 * the services' insert functions inside one transaction per step, so demo
 * data obeys every rule and is audited like typed data (one audit row per
 * record: the audit log is also the future sync log, and a demo database
 * should look like a real one to it).
 */
import { customerCreateSchema, interactionCreateSchema, type CustomerCreateInput, type InteractionChannel } from '../../../shared/api/customers';
import { productCreateSchema } from '../../../shared/api/products';
import { addDays } from '../../../shared/dates/calendar';
import type { Rng } from '../../../shared/random';
import { computeTaxIdCheckChar } from '../../../shared/validators/taxId';
import type { ServiceContext } from '../context';
import { insertCustomer } from '../customers/customers';
import { insertInteraction } from '../customers/interactions';
import { loadPinyin } from '../customers/pinyinInitials';
import { insertProduct } from '../products/products';
import { DEMO_PROVINCES, DEMO_ROADS, demoAddress, demoLandline, type DemoCity } from './demoPlaces';
import { DEMO_BUSINESS_WORDS, DEMO_GOODS } from './demoTrade';

export interface DemoCustomerCounts {
  customers: number;
  contacts: number;
  interactions: number;
  products: number;
}

const TRADE_WORDS = ['华东', '恒通', '瑞丰', '鼎盛', '永信', '嘉禾', '长盛', '兴隆', '宏达', '金源', '百顺', '利民', '众和', '信达', '丰泽', '万家', '盛世', '新宇', '汇通', '广聚', '德润', '佳美', '中联'];
const COMPANY_FORMS = ['有限公司', '有限责任公司', '商行', '经营部', '股份有限公司'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '曾', '单', '解'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '建华', '志强', '海燕', '晓东', '丽华', '国庆'];
const TITLES = ['总经理', '采购经理', '财务', '老板', '店长', '采购', '会计', ''];
const SALES = ['陈立', '周敏', '王海', '刘婷', '赵峰', '孙悦', '黄斌', '郑洁'];
const SUMMARIES: Readonly<Record<InteractionChannel, readonly string[]>> = {
  T: ['电话催收上月货款，对方称月底前安排', '电话确认对账单，余额无异议', '电话沟通本周钢材报价', '客户来电询问到货时间', '电话提醒发票已寄出'],
  E: ['微信发送对账单', '邮件发送合同扫描件', '微信发送水泥和管材调价通知', '发送本月发货明细'],
  M: ['上门拜访，了解库存和回款计划', '陪同老板拜访，商谈年度返利', '到工地查看用货进度，顺便对账', '拜访财务，确认付款流程'],
  O: ['展会上见面交流', '客户到公司提货时沟通', '其他'],
};
const pad = (n: number, width: number) => String(n).padStart(width, '0');

function taxIdFor(rng: Rng, index: number): string {
  const body = `91${rng.int(110000, 659000)}MA${pad(index % 10000000, 7)}`.slice(0, 17);
  return body + computeTaxIdCheckChar(body);
}

function mobile(rng: Rng): string {
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${rng.int(0, 9)}${pad(rng.int(0, 99_999_999), 8)}`;
}

/**
 * A landline half the time, with the city's area code. The draw after the
 * coin once chose a random area code; it is still made, so the seeded stream
 * (and every later demo figure the tests and the bench know) stays as before.
 */
function landline(rng: Rng, city: DemoCity): string {
  if (!rng.chance(0.5)) return '';
  rng.next();
  return demoLandline(city, rng.int(2000_0000, 8999_9999));
}

function customerInput(rng: Rng, index: number, takenNames: Set<string>): CustomerCreateInput {
  const place = rng.pick(DEMO_PROVINCES);
  const city = rng.pick(place.cities);
  let name = '';
  let trade = '';
  for (let attempt = 0; attempt < 50 && (name === '' || takenNames.has(name)); attempt++) {
    trade = rng.pick(TRADE_WORDS);
    name = `${city.city}${trade}${rng.pick(DEMO_BUSINESS_WORDS)}${rng.pick(COMPANY_FORMS)}`;
  }
  // Past the combinations, a branch number keeps names unique (as real chains do: 二分店).
  if (takenNames.has(name)) name = `${name}（${index}号店）`;
  takenNames.add(name);
  const grade = rng.pick(['A', 'B', 'B', 'C', 'C', 'C', 'D'] as const);
  const creditYuan = grade === 'A' ? rng.int(20, 100) * 10_000 : grade === 'B' ? rng.int(5, 30) * 10_000 : rng.chance(0.5) ? rng.int(1, 10) * 10_000 : null;
  const contactName = `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;
  return {
    code: `C${pad(index, 4)}`,
    name,
    shortName: `${city.city}${trade}`,
    kind: rng.pick(['distributor', 'distributor', 'retail', 'retail', 'end_user', 'agent'] as const),
    grade,
    region: place.province,
    // The district follows the code, not the random stream, so the rest of the demo stays as it was.
    address: demoAddress(place, city, city.districts[index % 2], rng.pick(DEMO_ROADS), rng.int(1, 399)),
    taxId: rng.chance(0.8) ? taxIdFor(rng, index) : '',
    bankName: rng.chance(0.7) ? `${rng.pick(['中国工商银行', '中国建设银行', '中国农业银行', '招商银行', '中国银行'])}${city.city}${rng.pick(['分行', '支行'])}` : '',
    bankAccount: rng.chance(0.7) ? `${rng.int(1000, 9999)} ${rng.int(1000, 9999)} ${rng.int(1000, 9999)} ${rng.int(1000, 9999)}` : '',
    creditLimitFen: creditYuan === null ? null : creditYuan * 100,
    paymentTermDays: rng.chance(0.6) ? rng.pick([0, 15, 30, 45, 60, 90]) : null,
    salesperson: rng.pick(SALES),
    status: rng.chance(0.9) ? 'active' : rng.pick(['paused', 'closed'] as const),
    tags: rng.chance(0.2) ? [rng.pick(['重点客户', '新客户', '月结', '需开专票'])] : [],
    notes: rng.chance(0.15) ? '每月 25 日前对账' : '',
    contact: {
      name: contactName,
      title: rng.pick(TITLES),
      mobile: mobile(rng),
      phone: landline(rng, city),
      email: rng.chance(0.3) ? `${['wang', 'li', 'zhang', 'chen', 'liu'][index % 5]}${index}@example.com` : '',
      wechat: rng.chance(0.4) ? `wx_${index}` : '',
      isPrimary: true,
    },
  };
}

export const DEMO_CUSTOMER_COUNTS = { small: 50, medium: 500, large: 5000 } as const;
const DEMO_PRODUCT_COUNTS = { small: 30, medium: 120, large: 400 } as const;

export async function generateDemoCustomers(ctx: ServiceContext, rng: Rng, size: keyof typeof DEMO_CUSTOMER_COUNTS): Promise<DemoCustomerCounts> {
  await loadPinyin();
  const today = ctx.clock.today();
  const counts: DemoCustomerCounts = { customers: 0, contacts: 0, interactions: 0, products: 0 };
  ctx.db.transaction(() => {
    const names = new Set<string>();
    const customerIds: string[] = [];
    for (let i = 1; i <= DEMO_CUSTOMER_COUNTS[size]; i++) {
      const input = customerCreateSchema.parse(customerInput(rng, i, names));
      customerIds.push(insertCustomer(ctx, input, { action: 'demo' }));
      counts.customers++;
      if (input.contact) counts.contacts++;
    }
    // Activity over the last four months, most customers called now and then, a few visited.
    for (const customerId of customerIds) {
      const n = rng.chance(0.25) ? 0 : rng.int(1, 6);
      for (let k = 0; k < n; k++) {
        const date = addDays(today, -rng.int(0, 120));
        const channel = rng.pick(['T', 'T', 'T', 'T', 'E', 'E', 'M', 'M', 'O'] as const);
        const promise = channel === 'T' && rng.chance(0.25);
        insertInteraction(
          ctx,
          interactionCreateSchema.parse({
            customerId,
            date,
            channel,
            summary: rng.pick(SUMMARIES[channel]),
            promiseDate: promise ? addDays(date, rng.int(3, 20)) : null,
            promiseAmountFen: promise ? rng.int(50, 2000) * 100 * 100 : null,
            nextFollowUp: rng.chance(0.3) ? addDays(date, rng.int(3, 30)) : null,
          }),
        );
        counts.interactions++;
      }
    }
  });
  ctx.db.transaction(() => {
    for (let i = 1; i <= DEMO_PRODUCT_COUNTS[size]; i++) {
      const family = DEMO_GOODS[(i - 1) % DEMO_GOODS.length];
      const round = Math.floor((i - 1) / DEMO_GOODS.length);
      const yuan = rng.int(family.yuan[0], family.yuan[1]);
      insertProduct(
        ctx,
        productCreateSchema.parse({
          code: `P${pad(i, 4)}`,
          name: `${family.brands[round % family.brands.length]}${family.name}${round >= family.brands.length ? ` ${i}` : ''}`,
          spec: rng.pick(family.specs),
          unit: family.unit,
          defaultPriceFen: yuan * 100 + rng.pick([0, 50, 80, 90]),
        }),
        { action: 'demo' },
      );
      counts.products++;
    }
  });
  return counts;
}
