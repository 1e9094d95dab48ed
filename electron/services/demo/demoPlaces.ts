/**
 * Where demo customers are: province, city, the city's telephone area code
 * and real districts, so a 杭州 customer has a 杭州 address (浙江省杭州市
 * 拱墅区…), 0571 landlines and a 杭州 bank branch — details a distributor
 * checks without thinking and stops believing the demo over.
 */

export interface DemoCity {
  city: string;
  /** Fixed-line area code with the leading 0 (0571). */
  areaCode: string;
  districts: readonly [string, string];
}

export interface DemoProvince {
  /** As the customer's 地区 shows it (浙江, 上海). */
  province: string;
  /** 北京, 上海, 重庆 are municipalities: no 省 in the address. */
  municipality: boolean;
  cities: readonly DemoCity[];
}

const c = (city: string, areaCode: string, d1: string, d2: string): DemoCity => ({ city, areaCode, districts: [d1, d2] });

export const DEMO_PROVINCES: readonly DemoProvince[] = [
  { province: '江苏', municipality: false, cities: [c('南京', '025', '鼓楼区', '江宁区'), c('苏州', '0512', '姑苏区', '吴中区'), c('无锡', '0510', '梁溪区', '滨湖区'), c('常州', '0519', '天宁区', '武进区'), c('徐州', '0516', '云龙区', '鼓楼区'), c('南通', '0513', '崇川区', '通州区'), c('扬州', '0514', '广陵区', '邗江区')] },
  { province: '浙江', municipality: false, cities: [c('杭州', '0571', '拱墅区', '余杭区'), c('宁波', '0574', '海曙区', '鄞州区'), c('温州', '0577', '鹿城区', '瓯海区'), c('绍兴', '0575', '越城区', '柯桥区'), c('嘉兴', '0573', '南湖区', '秀洲区'), c('金华', '0579', '婺城区', '金东区'), c('台州', '0576', '椒江区', '黄岩区')] },
  { province: '安徽', municipality: false, cities: [c('合肥', '0551', '蜀山区', '包河区'), c('芜湖', '0553', '镜湖区', '鸠江区'), c('蚌埠', '0552', '蚌山区', '龙子湖区'), c('安庆', '0556', '迎江区', '大观区'), c('阜阳', '0558', '颍州区', '颍泉区')] },
  { province: '山东', municipality: false, cities: [c('济南', '0531', '历下区', '槐荫区'), c('青岛', '0532', '市南区', '李沧区'), c('烟台', '0535', '芝罘区', '莱山区'), c('潍坊', '0536', '奎文区', '潍城区'), c('临沂', '0539', '兰山区', '罗庄区'), c('济宁', '0537', '任城区', '兖州区')] },
  { province: '河南', municipality: false, cities: [c('郑州', '0371', '金水区', '二七区'), c('洛阳', '0379', '西工区', '涧西区'), c('新乡', '0373', '红旗区', '卫滨区'), c('南阳', '0377', '宛城区', '卧龙区'), c('许昌', '0374', '魏都区', '建安区')] },
  { province: '湖北', municipality: false, cities: [c('武汉', '027', '江汉区', '洪山区'), c('宜昌', '0717', '西陵区', '伍家岗区'), c('襄阳', '0710', '樊城区', '襄城区'), c('荆州', '0716', '沙市区', '荆州区'), c('黄石', '0714', '黄石港区', '下陆区')] },
  // 株洲 and 湘潭 share 长沙's 0731 since the 2007 merge of the three area codes.
  { province: '湖南', municipality: false, cities: [c('长沙', '0731', '岳麓区', '雨花区'), c('株洲', '0731', '芦淞区', '天元区'), c('湘潭', '0731', '雨湖区', '岳塘区'), c('衡阳', '0734', '蒸湘区', '雁峰区'), c('岳阳', '0730', '岳阳楼区', '云溪区'), c('常德', '0736', '武陵区', '鼎城区')] },
  { province: '江西', municipality: false, cities: [c('南昌', '0791', '东湖区', '青山湖区'), c('赣州', '0797', '章贡区', '南康区'), c('九江', '0792', '浔阳区', '濂溪区'), c('上饶', '0793', '信州区', '广丰区')] },
  { province: '福建', municipality: false, cities: [c('福州', '0591', '鼓楼区', '仓山区'), c('厦门', '0592', '思明区', '湖里区'), c('泉州', '0595', '鲤城区', '丰泽区'), c('漳州', '0596', '芗城区', '龙文区'), c('莆田', '0594', '城厢区', '荔城区')] },
  { province: '重庆', municipality: true, cities: [c('重庆', '023', '渝中区', '九龙坡区')] },
  { province: '四川', municipality: false, cities: [c('成都', '028', '武侯区', '成华区'), c('绵阳', '0816', '涪城区', '游仙区'), c('乐山', '0833', '市中区', '五通桥区'), c('南充', '0817', '顺庆区', '高坪区'), c('宜宾', '0831', '翠屏区', '叙州区')] },
  { province: '上海', municipality: true, cities: [c('上海', '021', '普陀区', '闵行区')] },
  { province: '北京', municipality: true, cities: [c('北京', '010', '丰台区', '朝阳区')] },
];

const ROADS = ['人民路', '解放路', '建设路', '中山路', '工业大道', '建材市场'] as const;
export const DEMO_ROADS: readonly string[] = ROADS;

/** 浙江省杭州市拱墅区建设路 18 号; 上海市普陀区中山路 18 号. */
export function demoAddress(p: DemoProvince, city: DemoCity, district: string, road: string, no: number): string {
  return `${p.municipality ? '' : `${p.province}省`}${city.city}市${district}${road}${no}号`;
}

/** 0571-86123456: the city's code and an eight-digit local number. */
export function demoLandline(city: DemoCity, local: number): string {
  return `${city.areaCode}-${local}`;
}

/** The city of a demo address or landline, for the consistency test and nothing else. */
export function cityByName(name: string): { province: DemoProvince; city: DemoCity } | null {
  for (const province of DEMO_PROVINCES) for (const city of province.cities) if (city.city === name) return { province, city };
  return null;
}
