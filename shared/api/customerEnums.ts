/**
 * Enumerations of the customer file. The API and the database use the
 * English ids; the UI, imports and exports show the Chinese labels. Imports
 * accept either, so a file exported in one language re-imports in the other.
 */

export const CUSTOMER_KINDS = ['distributor', 'retail', 'end_user', 'agent'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
export const CUSTOMER_KIND_LABELS: Readonly<Record<CustomerKind, string>> = {
  distributor: '二批/分销',
  retail: '零售',
  end_user: '终端',
  agent: '代理',
};

export const CUSTOMER_GRADES = ['A', 'B', 'C', 'D'] as const;
export type CustomerGrade = (typeof CUSTOMER_GRADES)[number];

export const CUSTOMER_STATUSES = ['active', 'paused', 'closed'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export const CUSTOMER_STATUS_LABELS: Readonly<Record<CustomerStatus, string>> = {
  active: '正常',
  paused: '暂停',
  closed: '关闭',
};

/** 往来记录 channels, single letters as account managers write them in their Excel calendars. */
export const INTERACTION_CHANNELS = ['T', 'E', 'M', 'O'] as const;
export type InteractionChannel = (typeof INTERACTION_CHANNELS)[number];
export const INTERACTION_CHANNEL_LABELS: Readonly<Record<InteractionChannel, string>> = {
  T: '电话',
  E: '邮件·消息',
  M: '面谈·拜访',
  O: '其他',
};

/** Largest money amount a field accepts: 999,999,999,999.99 yuan, as parseAmountToFen allows. */
export const MAX_AMOUNT_FEN = 99_999_999_999_999;
/** 账期 above ten years is a typing mistake (3650 days). */
export const MAX_PAYMENT_TERM_DAYS = 3650;
