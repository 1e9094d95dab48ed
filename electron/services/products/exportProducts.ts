/** The filtered product list as .xlsx with the product import columns (re-imports unchanged). */
import type { ExportFile } from '../../../shared/api/imports';
import type { ServiceContext } from '../context';
import { writeXlsx } from '../export/writeXlsx';
import { PRODUCT_XLSX_COLUMNS } from '../imports/productImport';
import { selectProducts, type ProductFilterInput } from './products';

export async function exportProductsXlsx(ctx: ServiceContext, filter: ProductFilterInput): Promise<ExportFile> {
  const records = selectProducts(ctx, filter).map((p) => ({
    code: p.code,
    name: p.name,
    spec: p.spec,
    unit: p.unit,
    unit_price: p.defaultPriceFen,
  }));
  const bytes = await writeXlsx([{ name: '产品', columns: PRODUCT_XLSX_COLUMNS, rows: records }]);
  return { fileName: `产品-${ctx.clock.today()}.xlsx`, dataBase64: bytes.toString('base64'), rows: records.length };
}
