/**
 * Lists over the ledger: all documents (往来账 page) with filters, and the
 * shipments not yet invoiced for VAT (已发货未开票: live invoices without a
 * VAT invoice number). Paged in SQL.
 */
import { sql } from 'kysely';
import type { DocumentPage, UninvoicedPage } from '../../../shared/api/ledger';
import type { DocKind } from '../../../shared/receivables/types';
import type { ServiceContext } from '../context';
import { toDocument } from './docRows';

const likePattern = (search: string): string => `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function listDocuments(
  ctx: ServiceContext,
  input: {
    customerId: string | null;
    kinds: DocKind[];
    from: string | null;
    to: string | null;
    search: string;
    includeVoided: boolean;
    offset: number;
    limit: number;
  },
): DocumentPage {
  let q = ctx.db.k
    .selectFrom('ar_documents as d')
    .innerJoin('customers as c', 'c.id', 'd.customer_id')
    .leftJoin('ar_documents as v', 'v.voids_id', 'd.id');
  if (input.customerId !== null) q = q.where('d.customer_id', '=', input.customerId);
  if (input.kinds.length > 0) q = q.where('d.kind', 'in', input.kinds);
  if (input.from !== null) q = q.where('d.doc_date', '>=', input.from);
  if (input.to !== null) q = q.where('d.doc_date', '<=', input.to);
  if (!input.includeVoided) q = q.where('v.id', 'is', null).where('d.kind', '<>', 'void');
  if (input.search !== '') {
    const p = likePattern(input.search);
    q = q.where((eb) =>
      eb.or([
        eb(sql`d.doc_no`, 'like', sql`${p} ESCAPE '\\'`),
        eb(sql`d.memo`, 'like', sql`${p} ESCAPE '\\'`),
        eb(sql`d.reference`, 'like', sql`${p} ESCAPE '\\'`),
        eb(sql`d.vat_invoice_no`, 'like', sql`${p} ESCAPE '\\'`),
        eb(sql`d.bill_no`, 'like', sql`${p} ESCAPE '\\'`),
      ]),
    );
  }
  const total = ctx.db.first(q.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const rows = ctx.db.all(
    q
      .selectAll('d')
      .select(['c.code as customer_code', 'c.name as customer_name', 'v.id as voided_by_id', 'v.doc_date as voided_on'])
      .orderBy('d.doc_date', 'desc')
      .orderBy('d.side', 'asc') // newest first: the reverse of §4 order, so credits before debits on a day
      .orderBy('d.doc_no', 'desc')
      .orderBy('d.id', 'desc')
      .offset(input.offset)
      .limit(input.limit),
  );
  return {
    total,
    rows: rows.map((r) => ({
      ...toDocument(r, r.voided_by_id !== null && r.voided_on !== null ? { id: r.voided_by_id, doc_date: r.voided_on } : null),
      customerCode: r.customer_code,
      customerName: r.customer_name,
    })),
  };
}

export function uninvoicedShipments(
  ctx: ServiceContext,
  input: { customerId: string | null; from: string | null; to: string | null; search: string; offset: number; limit: number },
): UninvoicedPage {
  let q = ctx.db.k
    .selectFrom('ar_documents as d')
    .innerJoin('customers as c', 'c.id', 'd.customer_id')
    .leftJoin('contracts as k', 'k.id', 'd.contract_id')
    .where('d.kind', '=', 'invoice')
    .where('d.vat_invoice_no', '=', '')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('ar_documents as v').select('v.id').whereRef('v.voids_id', '=', 'd.id'))));
  if (input.customerId !== null) q = q.where('d.customer_id', '=', input.customerId);
  if (input.from !== null) q = q.where('d.doc_date', '>=', input.from);
  if (input.to !== null) q = q.where('d.doc_date', '<=', input.to);
  if (input.search !== '') {
    const p = likePattern(input.search);
    q = q.where((eb) =>
      eb.or([
        eb(sql`d.doc_no`, 'like', sql`${p} ESCAPE '\\'`),
        eb(sql`d.memo`, 'like', sql`${p} ESCAPE '\\'`),
        eb(sql`c.code`, 'like', sql`${p} ESCAPE '\\'`),
        eb(sql`c.name`, 'like', sql`${p} ESCAPE '\\'`),
      ]),
    );
  }
  const totals = ctx.db.first(
    q.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.coalesce(eb.fn.sum<number>('d.amount_fen'), eb.lit(0)).as('fen')]),
  );
  const rows = ctx.db.all(
    q
      .select([
        'd.id',
        'd.doc_no',
        'd.doc_date',
        'd.due_on',
        'd.amount_fen',
        'd.open_fen',
        'd.contract_id',
        'd.memo',
        'c.id as customer_id',
        'c.code as customer_code',
        'c.name as customer_name',
        'k.contract_no',
      ])
      .orderBy('d.doc_date')
      .orderBy('d.doc_no')
      .offset(input.offset)
      .limit(input.limit),
  );
  return {
    total: totals?.n ?? 0,
    totalFen: Number(totals?.fen ?? 0),
    rows: rows.map((r) => ({
      docId: r.id,
      docNo: r.doc_no,
      date: r.doc_date,
      dueOn: r.due_on,
      customer: { id: r.customer_id, code: r.customer_code, name: r.customer_name },
      amountFen: r.amount_fen,
      openFen: r.open_fen ?? 0,
      contractId: r.contract_id,
      contractNo: r.contract_no ?? null,
      memo: r.memo,
    })),
  };
}
