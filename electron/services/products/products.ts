/**
 * Products (产品): code, name, spec, unit, default price. Same rules as
 * customers: codes unique ignoring case, archive instead of delete, every
 * write audited in its transaction.
 */
import { sql, type SqlBool } from 'kysely';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { ProductsTable } from '../../../db/tables/customers';
import type { Product, productCreateSchema, productFilterSchema, productListSchema, productUpdateSchema } from '../../../shared/api/products';
import { DomainError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { loadPinyin, looksLikeInitials, pinyinSearchText } from '../customers/pinyinInitials';
import { searchWords } from '../customers/search';

export type ProductCreate = z.output<typeof productCreateSchema>;
export type ProductUpdate = z.output<typeof productUpdateSchema>;
export type ProductFilterInput = z.output<typeof productFilterSchema>;
export type ProductListQuery = z.output<typeof productListSchema>;
export type ProductRow = Selectable<ProductsTable>;

const TABLES = ['products'] as const;

export function productFromRow(r: ProductRow): Product {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    spec: r.spec,
    unit: r.unit,
    defaultPriceFen: r.default_price_fen,
    archivedAt: r.archived_at,
    importBatchId: r.import_batch_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function snapshot(p: Product): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...fields } = p;
  return fields;
}

export function getProductRow(ctx: ServiceContext, id: string): ProductRow {
  const row = ctx.db.first(ctx.db.k.selectFrom('products').selectAll().where('id', '=', id));
  if (!row) throw new DomainError('not_found', '找不到该产品，可能已被删除', 'id');
  return row;
}

export const getProduct = (ctx: ServiceContext, id: string): Product => productFromRow(getProductRow(ctx, id));

export function productWithCode(ctx: ServiceContext, code: string, exceptId: string | null = null): ProductRow | undefined {
  let q = ctx.db.k.selectFrom('products').selectAll().where(sql<boolean>`code = ${code} COLLATE NOCASE`);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return ctx.db.first(q.limit(1));
}

export const productCodeTakenMessage = (code: string, holder: ProductRow): string =>
  `产品编码“${code}”已存在（产品“${holder.name}”${holder.archived_at ? '，已归档' : ''}）`;

function assertCodeFree(ctx: ServiceContext, code: string, exceptId: string | null): void {
  const holder = productWithCode(ctx, code, exceptId);
  if (holder) throw new DomainError('validation', productCodeTakenMessage(code, holder), 'code');
}

/** Inside the caller's transaction; pinyin-pro must be loaded. Used by create, imports and the demo. */
export function insertProduct(ctx: ServiceContext, input: ProductCreate, opts: { importBatchId?: string | null; action?: string } = {}): string {
  assertCodeFree(ctx, input.code, null);
  const id = newId();
  const at = ctx.clock.now().toISOString();
  ctx.db.run(
    ctx.db.k.insertInto('products').values({
      id,
      code: input.code,
      name: input.name,
      pinyin: pinyinSearchText(input.name),
      spec: input.spec,
      unit: input.unit,
      default_price_fen: input.defaultPriceFen,
      archived_at: null,
      import_batch_id: opts.importBatchId ?? null,
      created_at: at,
      updated_at: at,
    }),
  );
  recordChange(ctx, { entity: 'product', entityId: id, action: opts.action ?? 'create', before: null, after: snapshot(getProduct(ctx, id)), tables: TABLES });
  return id;
}

export async function createProduct(ctx: ServiceContext, input: ProductCreate): Promise<Product> {
  await loadPinyin();
  return ctx.db.transaction(() => getProduct(ctx, insertProduct(ctx, input)));
}

export async function updateProduct(ctx: ServiceContext, input: ProductUpdate): Promise<Product> {
  const { id, expectedUpdatedAt, ...changes } = input;
  await loadPinyin();
  return ctx.db.transaction(() => {
    const row = getProductRow(ctx, id);
    if (row.archived_at !== null) throw new DomainError('validation', `产品“${row.name}”已归档，请先恢复后再修改`, 'id');
    if (expectedUpdatedAt && expectedUpdatedAt !== row.updated_at) {
      throw new DomainError('conflict', `产品“${row.name}”已被其他人修改，请重新打开后再保存`, null);
    }
    const before = productFromRow(row);
    const next = { ...before };
    for (const [key, value] of Object.entries(changes) as [keyof typeof changes, unknown][]) {
      if (value !== undefined) (next as Record<string, unknown>)[key] = value;
    }
    if (JSON.stringify(snapshot(next)) === JSON.stringify(snapshot(before))) return before;
    if (next.code !== before.code) assertCodeFree(ctx, next.code, id);
    ctx.db.run(
      ctx.db.k
        .updateTable('products')
        .set({
          code: next.code,
          name: next.name,
          pinyin: pinyinSearchText(next.name),
          spec: next.spec,
          unit: next.unit,
          default_price_fen: next.defaultPriceFen,
          updated_at: ctx.clock.now().toISOString(),
        })
        .where('id', '=', id),
    );
    const after = getProduct(ctx, id);
    recordChange(ctx, { entity: 'product', entityId: id, action: 'update', before: snapshot(before), after: snapshot(after), tables: TABLES });
    return after;
  });
}

function setArchived(ctx: ServiceContext, id: string, archive: boolean, reason: string): Product {
  return ctx.db.transaction(() => {
    const row = getProductRow(ctx, id);
    if (archive && row.archived_at !== null) throw new DomainError('validation', `产品“${row.name}”已经归档`, 'id');
    if (!archive && row.archived_at === null) throw new DomainError('validation', `产品“${row.name}”没有归档，无需恢复`, 'id');
    const at = ctx.clock.now().toISOString();
    ctx.db.run(ctx.db.k.updateTable('products').set({ archived_at: archive ? at : null, updated_at: at }).where('id', '=', id));
    const after = getProduct(ctx, id);
    recordChange(ctx, {
      entity: 'product',
      entityId: id,
      action: archive ? 'archive' : 'restore',
      before: snapshot(productFromRow(row)),
      after: { ...snapshot(after), reason },
      tables: TABLES,
    });
    return after;
  });
}

export const archiveProduct = (ctx: ServiceContext, id: string, reason: string): Product => setArchived(ctx, id, true, reason);
export const restoreProduct = (ctx: ServiceContext, id: string, reason: string): Product => setArchived(ctx, id, false, reason);

/** Inside the caller's transaction (import undo); callers check references first. */
export function removeProduct(ctx: ServiceContext, row: ProductRow, reason: string): void {
  ctx.db.run(ctx.db.k.deleteFrom('products').where('id', '=', row.id));
  recordChange(ctx, { entity: 'product', entityId: row.id, action: 'delete', before: snapshot(productFromRow(row)), after: { reason }, tables: TABLES });
}

function productWhere(f: ProductFilterInput) {
  const conds = [];
  if (f.archivedOnly) conds.push(sql<SqlBool>`p.archived_at IS NOT NULL`);
  else if (!f.includeArchived) conds.push(sql<SqlBool>`p.archived_at IS NULL`);
  for (const word of searchWords(f.search)) {
    const like = `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const parts = [sql<SqlBool>`p.code LIKE ${like} ESCAPE '\\'`, sql<SqlBool>`p.name LIKE ${like} ESCAPE '\\'`, sql<SqlBool>`p.spec LIKE ${like} ESCAPE '\\'`];
    if (looksLikeInitials(word)) parts.push(sql<SqlBool>`p.pinyin LIKE ${like} ESCAPE '\\'`);
    conds.push(sql<SqlBool>`(${sql.join(parts, sql` OR `)})`);
  }
  return conds.length ? sql<SqlBool>`${sql.join(conds, sql` AND `)}` : sql<SqlBool>`1`;
}

function productOrder(sort: ProductFilterInput['sort']) {
  const dir = sort.direction === 'desc' ? sql`DESC` : sql`ASC`;
  const first = {
    code: sql`p.code COLLATE NOCASE ${dir}`,
    name: sql`p.name ${dir}`,
    spec: sql`(p.spec = '') ASC, p.spec ${dir}`,
    unit: sql`(p.unit = '') ASC, p.unit ${dir}`,
    defaultPriceFen: sql`(p.default_price_fen IS NULL) ASC, p.default_price_fen ${dir}`,
    updatedAt: sql`p.updated_at ${dir}`,
  }[sort.column];
  return sql`${first}, p.code COLLATE NOCASE ASC, p.id ASC`;
}

/** Matching products in list order; all of them when `limit` is null (export). */
export function selectProducts(ctx: ServiceContext, f: ProductFilterInput, offset = 0, limit: number | null = null): Product[] {
  const page = limit === null ? sql`` : sql`LIMIT ${limit} OFFSET ${offset}`;
  return ctx.db
    .all(sql<ProductRow>`SELECT p.* FROM products p WHERE ${productWhere(f)} ORDER BY ${productOrder(f.sort)} ${page}`.compile(ctx.db.k))
    .map(productFromRow);
}

export function listProducts(ctx: ServiceContext, q: ProductListQuery): { rows: Product[]; total: number } {
  return ctx.db.transaction(() => {
    const count = ctx.db.first(sql<{ n: number }>`SELECT count(*) AS n FROM products p WHERE ${productWhere(q)}`.compile(ctx.db.k));
    return { rows: selectProducts(ctx, q, q.offset, q.limit), total: count?.n ?? 0 };
  });
}
