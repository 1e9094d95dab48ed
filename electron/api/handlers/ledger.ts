import type { ledgerMethods } from '../../../shared/api/ledger';
import { DomainError } from '../../../shared/errors';
import type { HandlerMap } from './types';

// Placeholder while the services land: the contract is published first so the UI can be built against it.
const pending = (): never => {
  throw new DomainError('internal', '此功能尚在开发中');
};

export const ledgerHandlers: HandlerMap<keyof typeof ledgerMethods> = {
  'ledger.postInvoice': pending,
  'ledger.postReceipt': pending,
  'ledger.postCreditNote': pending,
  'ledger.postWriteOff': pending,
  'ledger.postRefund': pending,
  'ledger.postOpening': pending,
  'ledger.void': pending,
  'ledger.suggestAllocation': pending,
  'ledger.nextDocNo': pending,
  'ledger.summary': pending,
  'ledger.openItems': pending,
  'ledger.customerLedger': pending,
  'ledger.document': pending,
  'ledger.documents': pending,
  'ledger.exportLedgerXlsx': pending,
  'ledger.uninvoicedShipments': pending,
  'ledger.setVatInvoice': pending,
  'ledger.contractProgress': pending,
  'ledger.settings': pending,
  'ledger.updateSettings': pending,
};
