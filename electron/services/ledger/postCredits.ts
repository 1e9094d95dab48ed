/**
 * Posting credit documents: receipts (回款), credit notes (退货/折让/返利)
 * and write-offs (坏账核销). A receipt or credit note may carry the
 * allocation the clerk saw on screen; it is stored as explicit targets only
 * when it differs from the automatic suggestion (§4). A write-off always has
 * exactly one explicit target: the debit it writes off.
 */
import type { z } from 'zod';
import type { PostResult, postCreditNoteSchema, postReceiptSchema, postWriteOffSchema } from '../../../shared/api/ledger';
import { newId } from '../../../shared/ids';
import type { ServiceContext } from '../context';
import { debitNotFound, explicitTargetsFor, writeOffTarget, type CreditProbe } from './allocationChoice';
import { requireCustomer } from './customerFacts';
import { loadCustomerDocs } from './docRows';
import { findDocumentRow } from './documentView';
import { insertDocument } from './insertDocument';
import { chooseDocNo, finishPosting, publicResult } from './posting';

const allocationNote = (submitted: unknown[] | null, explicitCount: number) =>
  submitted === null ? undefined : { allocation: explicitCount > 0 ? 'explicit' : 'automatic (suggestion unchanged)' };

export function postReceipt(ctx: ServiceContext, input: z.output<typeof postReceiptSchema>): PostResult {
  return ctx.db.transaction(() => {
    const customer = requireCustomer(ctx, input.customerId);
    const docNo = chooseDocNo(ctx, 'receipt', input.docNo, input.date);
    const probe: CreditProbe = { id: newId(), kind: 'receipt', docNo, date: input.date, amountFen: input.amountFen };
    const targets = input.allocations === null ? [] : explicitTargetsFor(loadCustomerDocs(ctx, customer.id), probe, input.allocations);
    const bill = input.method === 'acceptance_bill';
    const row = insertDocument(
      ctx,
      {
        id: probe.id,
        customerId: customer.id,
        kind: 'receipt',
        side: 'credit',
        docNo,
        docDate: input.date,
        dueOn: null,
        amountFen: input.amountFen,
        method: input.method,
        reference: input.reference,
        billNo: bill ? input.billNo : '',
        billMaturityOn: bill ? input.billMaturityOn : null,
        memo: input.memo,
        explicitTargets: targets,
      },
      { action: 'post', note: allocationNote(input.allocations, targets.length), lockOverride: input.lockOverride },
    );
    return publicResult(finishPosting(ctx, row, { action: 'post_receipt' }));
  });
}

export function postCreditNote(ctx: ServiceContext, input: z.output<typeof postCreditNoteSchema>): PostResult {
  return ctx.db.transaction(() => {
    const customer = requireCustomer(ctx, input.customerId);
    const docNo = chooseDocNo(ctx, 'credit_note', input.docNo, input.date);
    const probe: CreditProbe = { id: newId(), kind: 'credit_note', docNo, date: input.date, amountFen: input.amountFen };
    const targets = input.allocations === null ? [] : explicitTargetsFor(loadCustomerDocs(ctx, customer.id), probe, input.allocations);
    const row = insertDocument(
      ctx,
      {
        id: probe.id,
        customerId: customer.id,
        kind: 'credit_note',
        side: 'credit',
        docNo,
        docDate: input.date,
        dueOn: null,
        amountFen: input.amountFen,
        noteType: input.noteType,
        memo: input.memo,
        explicitTargets: targets,
      },
      { action: 'post', note: allocationNote(input.allocations, targets.length), lockOverride: input.lockOverride },
    );
    return publicResult(finishPosting(ctx, row, { action: 'post_credit_note' }));
  });
}

export function postWriteOff(ctx: ServiceContext, input: z.output<typeof postWriteOffSchema>): PostResult {
  return ctx.db.transaction(() => {
    const target = findDocumentRow(ctx, input.debitId);
    if (!target) throw debitNotFound('debitId');
    const customer = requireCustomer(ctx, target.customer_id, 'debitId');
    const docNo = chooseDocNo(ctx, 'write_off', input.docNo, input.date);
    const probe: CreditProbe = { id: newId(), kind: 'write_off', docNo, date: input.date, amountFen: input.amountFen };
    const explicit = writeOffTarget(loadCustomerDocs(ctx, customer.id), probe, input.debitId);
    const row = insertDocument(
      ctx,
      {
        id: probe.id,
        customerId: customer.id,
        kind: 'write_off',
        side: 'credit',
        docNo,
        docDate: input.date,
        dueOn: null,
        amountFen: input.amountFen,
        memo: input.memo,
        explicitTargets: [explicit],
      },
      { action: 'post', lockOverride: input.lockOverride },
    );
    return publicResult(finishPosting(ctx, row, { action: 'post_write_off' }));
  });
}
