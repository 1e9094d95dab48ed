import type { ledgerMethods } from '../../../shared/api/ledger';
import { contractProgress } from '../../services/ledger/contractProgress';
import { customerByCode, customerSummary, getLedgerSettings, requireCustomer, updateLedgerSettings } from '../../services/ledger/customerFacts';
import { customerLedger, openItems } from '../../services/ledger/customerLedger';
import { documentDetail } from '../../services/ledger/documentView';
import { listDocuments, uninvoicedShipments } from '../../services/ledger/documentLists';
import { exportLedgerPdf, exportLedgerXlsx } from '../../services/ledger/exportLedger';
import { nextDocNo } from '../../services/ledger/numbering';
import { postCreditNote, postReceipt, postWriteOff } from '../../services/ledger/postCredits';
import { postInvoice, postOpening, postRefund } from '../../services/ledger/postDebits';
import { suggestAllocation } from '../../services/ledger/suggest';
import { setVatInvoice } from '../../services/ledger/vatInvoice';
import { voidDocument } from '../../services/ledger/voidDocument';
import type { HandlerMap } from './types';

export const ledgerHandlers: HandlerMap<keyof typeof ledgerMethods> = {
  'ledger.postInvoice': (ctx, input) => postInvoice(ctx, input),
  'ledger.postReceipt': (ctx, input) => postReceipt(ctx, input),
  'ledger.postCreditNote': (ctx, input) => postCreditNote(ctx, input),
  'ledger.postWriteOff': (ctx, input) => postWriteOff(ctx, input),
  'ledger.postRefund': (ctx, input) => postRefund(ctx, input),
  'ledger.postOpening': (ctx, input) => postOpening(ctx, input),
  'ledger.void': (ctx, input) => voidDocument(ctx, input),
  'ledger.suggestAllocation': (ctx, input) => suggestAllocation(ctx, input),
  'ledger.nextDocNo': (ctx, input) => ({ docNo: nextDocNo(ctx, input.kind, input.date) }),
  'ledger.summary': (ctx, input) => customerSummary(ctx, requireCustomer(ctx, input.customerId).id),
  'ledger.customerByCode': (ctx, input) => customerByCode(ctx, input.code),
  'ledger.openItems': (ctx, input) => openItems(ctx, input),
  'ledger.customerLedger': (ctx, input) => customerLedger(ctx, input),
  'ledger.document': (ctx, input) => documentDetail(ctx, input.id),
  'ledger.documents': (ctx, input) => listDocuments(ctx, input),
  'ledger.exportLedgerXlsx': (ctx, input) => exportLedgerXlsx(ctx, input),
  'ledger.exportLedgerPdf': (ctx, input) => exportLedgerPdf(ctx, input),
  'ledger.uninvoicedShipments': (ctx, input) => uninvoicedShipments(ctx, input),
  'ledger.setVatInvoice': (ctx, input) => setVatInvoice(ctx, input),
  'ledger.contractProgress': (ctx, input) => contractProgress(ctx, input.contractId),
  'ledger.settings': (ctx) => getLedgerSettings(ctx),
  'ledger.updateSettings': (ctx, input) => updateLedgerSettings(ctx, input),
};
