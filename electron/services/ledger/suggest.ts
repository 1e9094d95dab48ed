/** `ledger.suggestAllocation`: the FIFO allocation the receipt screen pre-fills (§4: what the replay would do). */
import type { AllocationSuggestion } from '../../../shared/api/ledger';
import type { ServiceContext } from '../context';
import { suggestion } from './allocationChoice';
import { requireCustomer } from './customerFacts';
import { loadCustomerDocs } from './docRows';
import { nextDocNo } from './numbering';

/**
 * Stands in for the id the document will get: ULIDs issued later sort after
 * every stored one, and so does this, so same-day ties fall the same way.
 */
const NOT_YET_POSTED_ID = 'ZZZZZZZZZZZZZZZZZZZZZZZZZZ';

export function suggestAllocation(
  ctx: ServiceContext,
  input: { customerId: string; date: string; amountFen: number; kind: 'receipt' | 'credit_note'; docNo: string },
): AllocationSuggestion {
  const customer = requireCustomer(ctx, input.customerId);
  const docNo = input.docNo === '' ? nextDocNo(ctx, input.kind, input.date) : input.docNo;
  return suggestion(
    loadCustomerDocs(ctx, customer.id),
    { id: NOT_YET_POSTED_ID, kind: input.kind, docNo, date: input.date, amountFen: input.amountFen },
    customer.id,
  );
}
