/**
 * The filtered customer list as .xlsx. The sheet carries exactly the import
 * columns (with the Chinese headers), so an export re-imports unchanged into
 * another database and doubles as a filled-in template.
 */
import { sql } from 'kysely';
import type { ExportFile } from '../../../shared/api/imports';
import type { ServiceContext } from '../context';
import { writeXlsx } from '../export/writeXlsx';
import { CUSTOMER_XLSX_COLUMNS, customerKindLabel, customerStatusLabel } from '../imports/customerImport';
import type { CustomerRow } from './rows';
import { customerIdsInOrder, type CustomerFilterInput } from './search';

interface ExportRow extends CustomerRow {
  contact_name: string | null;
  contact_mobile: string | null;
  contact_phone: string | null;
  contact_email: string | null;
}

/** Rows per query when fetching the export's records by id. */
const CHUNK = 500;

function exportRecord(r: ExportRow): Record<string, unknown> {
  return {
    code: r.code,
    name: r.name,
    short_name: r.short_name,
    kind: customerKindLabel(r.kind),
    grade: r.grade ?? '',
    region: r.region,
    address: r.address,
    tax_id: r.tax_id,
    bank_name: r.bank_name,
    bank_account: r.bank_account,
    credit_limit: r.credit_limit_fen,
    payment_term_days: r.payment_term_days,
    salesperson: r.salesperson,
    status: customerStatusLabel(r.status),
    contact_name: r.contact_name ?? '',
    mobile: r.contact_mobile ?? '',
    phone: r.contact_phone ?? '',
    email: r.contact_email ?? '',
    notes: r.notes,
  };
}

export async function exportCustomersXlsx(ctx: ServiceContext, filter: CustomerFilterInput): Promise<ExportFile> {
  const records = ctx.db.readSnapshot(() => {
    const ids = customerIdsInOrder(ctx, filter);
    const out: Record<string, unknown>[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const rows = ctx.db.all(
        sql<ExportRow>`SELECT c.*, pc.name AS contact_name, pc.mobile AS contact_mobile, pc.phone AS contact_phone, pc.email AS contact_email
          FROM customers c LEFT JOIN contacts pc ON pc.customer_id = c.id AND pc.is_primary = 1
          WHERE c.id IN (SELECT value FROM json_each(${JSON.stringify(chunk)}))`.compile(ctx.db.k),
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const id of chunk) {
        const r = byId.get(id);
        if (r) out.push(exportRecord(r));
      }
    }
    return out;
  });
  const bytes = await writeXlsx([{ name: '客户', columns: CUSTOMER_XLSX_COLUMNS, rows: records }]);
  return { fileName: `客户档案-${ctx.clock.today()}.xlsx`, dataBase64: bytes.toString('base64'), rows: records.length };
}
