/**
 * Enumerations of customer evaluation (issue 14). Ids are the English words
 * the API, the database and the CLI use; the UI shows the Chinese labels of
 * the i18n catalogue (evaluation.*), the CLI and messages these labels.
 */

/** 客户分层: a field of its own beside the grade (key customers are visited more often). */
export const CUSTOMER_LAYERS = ['key', 'ordinary', 'potential'] as const;
export type CustomerLayer = (typeof CUSTOMER_LAYERS)[number];
export const CUSTOMER_LAYER_LABELS: Readonly<Record<CustomerLayer, string>> = { key: '重点', ordinary: '普通', potential: '潜在' };

/** The four quadrants of sales ability × credit quality. */
export const QUADRANTS = ['develop', 'collect', 'maintain', 'shrink'] as const;
export type Quadrant = (typeof QUADRANTS)[number];
export const QUADRANT_LABELS: Readonly<Record<Quadrant, string>> = {
  develop: '重点发展',
  collect: '加强收款',
  maintain: '维持',
  shrink: '收缩或淘汰',
};

/** 售后与投诉 case types. */
export const CASE_TYPES = ['quality', 'delivery', 'billing', 'service', 'other'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const CASE_TYPE_LABELS: Readonly<Record<CaseType, string>> = {
  quality: '质量',
  delivery: '交付',
  billing: '价格/账务',
  service: '服务',
  other: '其他',
};

/** open → in progress → resolved → closed (a resolved case may be reopened, a closed one is final). */
export const CASE_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  open: '待处理',
  in_progress: '处理中',
  resolved: '已解决',
  closed: '已关闭',
};

/** Which status may follow which. */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['in_progress', 'resolved', 'closed'],
  in_progress: ['resolved', 'closed'],
  resolved: ['closed', 'in_progress'],
  closed: [],
};

/** Still waiting for an answer: counts as open for alerts, the scorecard and the salesperson table. */
export const isCaseOpen = (s: CaseStatus): boolean => s === 'open' || s === 'in_progress';
