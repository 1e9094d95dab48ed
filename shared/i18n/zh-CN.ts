/**
 * The Simplified Chinese catalogue: the default language and the source of
 * every key. Other languages must have exactly the same shape (checked by the
 * type of en.ts). Use bookkeeping vocabulary (应收, 回款, 核销, 期初, 对账单).
 *
 * Each area keeps its strings in shared/i18n/areas/<area>.ts (a zh and an en
 * object) and is registered here and in en.ts with one line.
 */
import type { Widen } from './widen';
import { uiZh } from './areas/ui';
import { customersZh } from './areas/customers';
import { ledgerZh } from './areas/ledger';
import { contractsZh } from './areas/contracts';
import { alertsZh } from './areas/alerts';
import { statementsZh } from './areas/statements';
import { agingZh } from './areas/aging';
import { backupZh } from './areas/backup';
import { evaluationZh } from './areas/evaluation';
import { authZh } from './areas/auth';
import { syncZh } from './areas/sync';
import { deskZh } from './areas/desk';
import { rebatesZh } from './areas/rebates';

export const zhCN = {
  app: {
    name: '经销往来',
    productName: 'DealerDesk 经销往来',
    loading: '正在加载…',
    language: '语言',
    switchToEnglish: 'English',
    switchToChinese: '中文',
  },
  nav: {
    groupDaily: '日常',
    groupRecords: '档案',
    groupSystem: '系统',
    settings: '设置',
  },
  common: {
    save: '保存',
    saving: '正在保存…',
    cancel: '取消',
    saved: '已保存',
    saveFailed: '保存失败',
    reset: '还原',
    retry: '重试',
    unsavedHint: '有未保存的修改',
    lastSaved: '上次保存：{at}',
    neverSaved: '尚未保存',
    required: '必填',
  },
  settings: {
    title: '设置',
    companyTab: '公司资料',
    updatesTab: '软件更新',
    updatesIntro: '填写局域网内发布 DealerDesk 更新的 HTTPS 网页地址（https:// 开头；http 不安全，不被接受）。留空则不检查更新。检查更新不会影响启动。',
    updatesUrl: '更新地址',
    companyIntro: '这些信息印在对账单的抬头和付款信息中。',
    letterheadPreview: '对账单抬头预览',
    letterheadPreviewHint: '与打印出的对账单抬头完全相同，随输入即时更新（保存后生效）。',
    companyName: '公司名称',
    shortName: '公司简称',
    shortNameHint: '显示在窗口顶部，例如“恒通商贸”',
    address: '地址',
    phone: '电话',
    taxId: '统一社会信用代码',
    taxIdHint: '18 位，保存前校验校验位',
    bankName: '开户行',
    bankAccount: '银行账号',
    logo: '公司标志',
    logoHint: 'PNG 或 JPG，不超过 2 MB，印在对账单左上角',
    logoChoose: '选择图片…',
    logoRemove: '移除标志',
    logoNone: '未设置标志',
    logoSaved: '标志已更新',
  },
  ui: uiZh,
  customers: customersZh,
  ledger: ledgerZh,
  contracts: contractsZh,
  alerts: alertsZh,
  statements: statementsZh,
  auth: authZh,
  aging: agingZh,
  backup: backupZh,
  evaluation: evaluationZh,
  sync: syncZh,
  desk: deskZh,
  rebates: rebatesZh,
  errors: {
    boundaryTitle: '界面出错了',
    boundaryBody: '这一页遇到了意外错误，已输入但未保存的内容可能需要重新输入。错误信息：',
    boundaryReload: '重新加载',
    dbTitle: '无法打开数据库',
    dbBody: '数据库文件可能已损坏或无法读取。程序没有新建空数据库，您的数据仍在原处。',
    dbFile: '数据库文件',
    dbReason: '原因',
    dbBackups: '可用的备份',
    dbRestore: '从此备份恢复',
    dbLatest: '最新',
    dbNoBackups: '没有找到备份。请联系技术支持，切勿删除数据库文件。',
    dbRestored: '已从备份恢复',
    connection: '无法连接到程序服务',
  },
} as const;

export type Messages = Widen<typeof zhCN>;
