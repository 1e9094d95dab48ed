/**
 * The one trade the demo office is in: a 建材/五金 wholesaler (steel, cement,
 * pipes, wire, tiles, waterproofing, boards). Products, contract lines and
 * the memos of shipments all come from this catalogue, so a 吨 of 螺纹钢 is
 * never sold by the 箱 and a 建材 dealer never ships 纯牛奶.
 */

export interface DemoGoods {
  /** As printed in a memo: 螺纹钢 HRB400. */
  name: string;
  specs: readonly string[];
  unit: string;
  /** Unit price range in yuan. */
  yuan: readonly [number, number];
  /** Brands making this kind of goods (made up). */
  brands: readonly string[];
}

const STEEL = ['华钢', '恒钢', '中冶达', '鑫达', '江盛', '金钢', '锦泰', '德信'];
const PIPES = ['联达', '金德', '伟业', '日升', '顺通', '宏岳', '丰源', '恒塑'];

export const DEMO_GOODS: readonly DemoGoods[] = [
  { name: '螺纹钢 HRB400', specs: ['Φ12', 'Φ16', 'Φ20', 'Φ25'], unit: '吨', yuan: [3600, 4300], brands: STEEL },
  { name: '盘螺 HRB400E', specs: ['Φ6', 'Φ8', 'Φ10'], unit: '吨', yuan: [3700, 4400], brands: STEEL },
  { name: '普通硅酸盐水泥 P.O42.5', specs: ['50kg/袋', '散装'], unit: '吨', yuan: [380, 520], brands: ['金峰', '海丰', '恒山', '江南', '红岩', '南山', '华泰', '尖石'] },
  { name: '镀锌钢管 DN50', specs: ['6米/根', '3.5mm 壁厚'], unit: '根', yuan: [160, 380], brands: STEEL },
  { name: 'PPR 给水管', specs: ['20×2.8', '25×3.5', '32×4.4'], unit: '米', yuan: [4, 16], brands: PIPES },
  { name: '电线 BV2.5', specs: ['100米/卷'], unit: '卷', yuan: [160, 260], brands: ['远航', '胜华', '金线', '鸿兴', '正光', '宝达', '长缆', '华通'] },
  { name: '瓷砖 800×800', specs: ['抛釉砖 3片/箱', '通体大理石 3片/箱'], unit: '箱', yuan: [90, 260], brands: ['东瑞', '马克', '蒙泰', '新瓷', '欧雅', '诺德', '宏宇', '金意'] },
  { name: '防水卷材', specs: ['SBS 3mm 10㎡/卷', 'SBS 4mm 10㎡/卷'], unit: '卷', yuan: [120, 260], brands: ['雨盾', '科宁', '卓固', '宏源', '北固', '东盾', '安居', '德高'] },
  { name: '石膏板', specs: ['1200×3000×9.5mm', '1200×2400×12mm'], unit: '张', yuan: [18, 38], brands: ['泰石', '可耐', '杰科', '圣岩', '金鼎', '白鹤', '长板', '明石'] },
  { name: '不锈钢板 304', specs: ['1.0mm', '2.0mm', '3.0mm'], unit: '张', yuan: [350, 1200], brands: STEEL },
];

/** What a 建材 customer calls its business (杭州恒通建材有限公司). */
export const DEMO_BUSINESS_WORDS = ['建材', '五金', '建筑材料', '装饰材料', '钢材', '管业', '水暖', '五金机电', '建材商行', '装饰建材', '建材批发', '建筑五金'] as const;
