/** Products (产品): the price list contract lines pick from. Same conventions as customers.ts. */
import { z } from 'zod';
import { plainText, withDefaults } from '../schemas/editableFields';
import { optionalText, requiredText } from '../schemas/fields';
import { toHalfWidth } from '../text/normalize';
import { MAX_AMOUNT_FEN } from './customerEnums';
import { method } from './define';
import type { ExportFile } from './imports';

// Builders are repeated here rather than imported from customers.ts, which imports this file.
const id = (label: string) =>
  z.string({ error: `缺少${label}` }).trim().min(1, { error: `缺少${label}` }).max(40, { error: `${label}不正确` });

const productShape = {
  code: requiredText('产品编码', 30)
    .transform((v) => toHalfWidth(v).trim())
    .refine((v) => !/\s/.test(v), { error: '产品编码不能包含空格' }),
  name: requiredText('产品名称', 100),
  spec: plainText('规格', 100),
  unit: plainText('单位', 10),
  /** Default unit price in fen; null = none (priced per contract). */
  defaultPriceFen: z
    .number({ error: '单价必须是金额' })
    .int({ error: '单价必须精确到分' })
    .min(0, { error: '单价不能为负数' })
    .max(MAX_AMOUNT_FEN, { error: '单价超出上限，最大为 999,999,999,999.99' })
    .nullable(),
};

export const productCreateSchema = z.object(withDefaults(productShape, { spec: '', unit: '', defaultPriceFen: null }));
export type ProductCreateInput = z.input<typeof productCreateSchema>;

export const productUpdateSchema = z.object({ id: id('产品') }).extend(z.object(productShape).partial().shape).extend({
  expectedUpdatedAt: z.string().nullable().optional(),
});
export type ProductUpdateInput = z.input<typeof productUpdateSchema>;

export interface Product {
  id: string;
  code: string;
  name: string;
  spec: string;
  unit: string;
  defaultPriceFen: number | null;
  archivedAt: string | null;
  importBatchId: string | null;
  createdAt: string;
  updatedAt: string;
}

export const PRODUCT_SORT_COLUMNS = ['code', 'name', 'spec', 'unit', 'defaultPriceFen', 'updatedAt'] as const;
export type ProductSortColumn = (typeof PRODUCT_SORT_COLUMNS)[number];

export const productFilterSchema = z.object({
  /** Matches code, name, spec and the pinyin initials of the name. */
  search: z.string().trim().max(100).default(''),
  includeArchived: z.boolean().default(false),
  archivedOnly: z.boolean().default(false),
  sort: z
    .object({ column: z.enum(PRODUCT_SORT_COLUMNS, { error: '不能按此列排序' }), direction: z.enum(['asc', 'desc']).default('asc') })
    .default({ column: 'code', direction: 'asc' }),
});
export type ProductFilter = z.input<typeof productFilterSchema>;

export const productListSchema = productFilterSchema.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type ProductListInput = z.input<typeof productListSchema>;

const byId = z.object({ id: id('产品') });

export const productMethods = {
  'products.list': method<{ rows: Product[]; total: number }>()(productListSchema, ['products']),
  'products.get': method<Product>()(byId, ['products']),
  'products.create': method<Product>()(productCreateSchema, []),
  'products.update': method<Product>()(productUpdateSchema, []),
  'products.archive': method<Product>()(byId.extend({ reason: requiredText('归档原因', 200) }), []),
  'products.restore': method<Product>()(byId.extend({ reason: optionalText('恢复原因', 200) }), []),
  'products.exportXlsx': method<ExportFile>()(productFilterSchema, ['products']),
};
