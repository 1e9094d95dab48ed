/**
 * Field builders the API areas share (record ids, codes, amounts, business
 * dates, the customer enums), with Chinese messages that name the field. A
 * module of their own so an area's schemas can use them without building
 * the customer file's (shared/api/customers.ts re-exports them): the
 * command line builds only the schemas of the method it calls (issue 17).
 */
import { z } from 'zod';
import { isIsoDate } from '../dates/calendar';
import { requiredText } from '../schemas/fields';
import { toHalfWidth } from '../text/normalize';
import { CUSTOMER_LAYERS } from '../evaluation/enums';
import {
  CUSTOMER_GRADES,
  CUSTOMER_KINDS,
  CUSTOMER_KIND_LABELS,
  CUSTOMER_STATUSES,
  CUSTOMER_STATUS_LABELS,
  INTERACTION_CHANNELS,
  INTERACTION_CHANNEL_LABELS,
  MAX_AMOUNT_FEN,
} from './customerEnums';

export const customerLayerField = z.enum(CUSTOMER_LAYERS, { error: '客户分层只能是 重点（key）、普通（ordinary）、潜在（potential）' });

/** A record id (ULID) chosen from a list; an empty one means the caller lost track of the record. */
export const recordId = (label: string) =>
  z.string({ error: `缺少${label}` }).trim().min(1, { error: `缺少${label}` }).max(40, { error: `${label}不正确` });

/** A human code (客户编码, 产品编码): half-width, no spaces, so it can be typed, searched and exported as is. */
export const codeField = (label: string) =>
  requiredText(label, 30)
    .transform((v) => toHalfWidth(v).trim())
    .refine((v) => !/\s/.test(v), { error: `${label}不能包含空格` });

/** Integer fen, optional (null). `positive` refuses 0 where a zero amount means nothing (a promise of ¥0). */
export const optionalFen = (label: string, positive = false) =>
  z
    .number({ error: `${label}必须是金额` })
    .int({ error: `${label}必须精确到分` })
    .min(positive ? 1 : 0, { error: positive ? `${label}必须大于 0` : `${label}不能为负数` })
    .max(MAX_AMOUNT_FEN, { error: `${label}超出上限，最大为 999,999,999,999.99` })
    .nullable();

/** A real calendar day as YYYY-MM-DD (2026-02-30 is refused, not rolled over). */
export const businessDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .refine((v) => isIsoDate(v), { error: `${label}应为有效日期，格式 YYYY-MM-DD` });

const enumField = <const T extends readonly [string, ...string[]]>(label: string, values: T, labels?: Record<T[number], string>) =>
  z.enum(values, {
    error: `${label}只能是 ${values.map((v) => (labels ? `${labels[v as T[number]]}（${v}）` : v)).join('、')}`,
  });

export const customerKindField = enumField('客户类型', CUSTOMER_KINDS, CUSTOMER_KIND_LABELS);
export const customerGradeField = enumField('客户等级', CUSTOMER_GRADES);
export const customerStatusField = enumField('客户状态', CUSTOMER_STATUSES, CUSTOMER_STATUS_LABELS);
export const interactionChannelField = enumField('往来方式', INTERACTION_CHANNELS, INTERACTION_CHANNEL_LABELS);
