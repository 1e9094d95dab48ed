/**
 * The one later annotation a posted invoice accepts: its VAT invoice number
 * and date (发票号码/开票日期). The VAT invoice is usually issued days or
 * weeks after the shipment, so the 已发货未开票 list is worked off by filling
 * these in. Allowed on live invoices only; a wrong number may be corrected or
 * cleared. Each change is audited with before/after. Nothing that affects
 * money (amount, dates, customer) can change.
 */
import type { ArDocumentDetail } from '../../../shared/api/ledger';
import { AR_DOC_KIND_LABELS } from '../../../shared/api/ledgerEnums';
import { DomainError, validationError } from '../../../shared/errors';
import type { DocKind } from '../../../shared/receivables/types';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { documentDetail, requireDocumentRow, voidOf } from './documentView';

export function setVatInvoice(
  ctx: ServiceContext,
  input: { docId: string; vatInvoiceNo: string; vatInvoiceDate: string | null },
): ArDocumentDetail {
  return ctx.db.transaction(() => {
    const row = requireDocumentRow(ctx, input.docId, 'docId');
    if (row.kind !== 'invoice') {
      throw validationError('docId', `${AR_DOC_KIND_LABELS[row.kind as DocKind]} ${row.doc_no} 不是应收单，不能登记发票`);
    }
    const voided = voidOf(ctx, row.id);
    if (voided) throw new DomainError('conflict', `应收单 ${row.doc_no} 已冲销（${voided.doc_no}），不能再登记发票`, 'docId');
    const before = { vatInvoiceNo: row.vat_invoice_no, vatInvoiceDate: row.vat_invoice_date };
    const after = { vatInvoiceNo: input.vatInvoiceNo, vatInvoiceDate: input.vatInvoiceNo === '' ? null : input.vatInvoiceDate };
    if (before.vatInvoiceNo === after.vatInvoiceNo && before.vatInvoiceDate === after.vatInvoiceDate) return documentDetail(ctx, row.id);
    ctx.db.run(
      ctx.db.k
        .updateTable('ar_documents')
        .set({ vat_invoice_no: after.vatInvoiceNo, vat_invoice_date: after.vatInvoiceDate, updated_at: ctx.clock.now().toISOString() })
        .where('id', '=', row.id),
    );
    recordChange(ctx, { entity: 'ar_document', entityId: row.id, action: 'set_vat_invoice', before, after, tables: ['ar_documents'] });
    return documentDetail(ctx, row.id);
  });
}
