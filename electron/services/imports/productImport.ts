/** Product import: 产品编码, 产品名称, 规格, 单位, 单价 — the same rules as the product form. */
import { productCreateSchema } from '../../../shared/api/products';
import type { ServiceContext } from '../context';
import { loadPinyin } from '../customers/pinyinInitials';
import type { XlsxColumn } from '../export/writeXlsx';
import { defineImportColumns } from '../import/columns';
import { findDuplicateKeys } from '../import/duplicates';
import { mapImportRows } from '../import/mapRows';
import type { RawTable } from '../import/readTable';
import type { ImportError } from '../import/report';
import { insertProduct, productCodeTakenMessage, productWithCode, removeProduct, type ProductCreate } from '../products/products';
import { findReference } from '../references/registry';
import { amountColumn, codeColumn, textColumn } from './cells';
import type { ImportKindHandler, PreparedImport } from './kinds';
import { zodIssuesToImportErrors } from './zodErrors';

export const PRODUCT_COLUMNS = defineImportColumns([
  { key: 'code', header: '产品编码', alias: 'code', required: true, parse: codeColumn },
  { key: 'name', header: '产品名称', alias: 'name', required: true, parse: textColumn },
  { key: 'spec', header: '规格', alias: 'spec', parse: textColumn },
  { key: 'unit', header: '单位', alias: 'unit', parse: textColumn },
  { key: 'unit_price', header: '单价', alias: 'unit_price', parse: amountColumn('单价') },
]);

export const PRODUCT_XLSX_COLUMNS: XlsxColumn[] = PRODUCT_COLUMNS.map((c) => ({
  header: c.header,
  key: c.alias,
  kind: c.key === 'unit_price' ? 'fen' : 'text',
}));

const PATH_COLUMN: Record<string, string> = { code: '产品编码', name: '产品名称', spec: '规格', unit: '单位', defaultPriceFen: '单价' };

function prepareProducts(ctx: ServiceContext, table: RawTable): PreparedImport {
  const mapped = mapImportRows(table, PRODUCT_COLUMNS);
  const errors: ImportError[] = [...mapped.errors];
  const valid: ProductCreate[] = [];
  for (const row of mapped.rows) {
    if (!row.ok) continue;
    const v = row.values;
    const parsed = productCreateSchema.safeParse({
      code: v.code,
      name: v.name,
      spec: v.spec ?? '',
      unit: v.unit ?? '',
      defaultPriceFen: v.unit_price,
    });
    if (!parsed.success) {
      errors.push(...zodIssuesToImportErrors(parsed.error, row.rowNumber, PATH_COLUMN));
      continue;
    }
    valid.push(parsed.data);
    row.values.code = parsed.data.code;
  }
  errors.push(...findDuplicateKeys(mapped.rows, 'code', '产品编码', { normalize: (s) => s.toLowerCase() }));
  for (const row of mapped.rows) {
    const code = row.values.code;
    if (typeof code !== 'string') continue;
    const holder = productWithCode(ctx, code);
    if (holder) errors.push({ row: row.rowNumber, column: '产品编码', message: productCodeTakenMessage(code, holder) });
  }
  return {
    rows: mapped.dataRowCount,
    errors,
    warnings: [...mapped.warnings],
    write(batchId) {
      for (const input of valid) insertProduct(ctx, input, { importBatchId: batchId, action: 'import' });
      return valid.length;
    },
  };
}

export const productImport: ImportKindHandler = {
  kind: 'products',
  label: '产品',
  templateColumns: PRODUCT_XLSX_COLUMNS,
  load: async () => {
    await loadPinyin();
  },
  prepare: prepareProducts,
  undoBlockedReason(ctx, batchId) {
    const ref = findReference(ctx, 'product', { batchId });
    if (!ref) return null;
    const product = ctx.db.first(ctx.db.k.selectFrom('products').select(['code', 'name']).where('id', '=', ref.id));
    return `本批导入的产品“${product?.name ?? ref.id}”已被 ${ref.count} 条${ref.label}使用，不能撤销；如不再使用，请逐个归档`;
  },
  undo(ctx, batchId, reason) {
    const rows = ctx.db.all(ctx.db.k.selectFrom('products').selectAll().where('import_batch_id', '=', batchId).orderBy('id'));
    for (const row of rows) removeProduct(ctx, row, reason);
    return rows.length;
  },
};
