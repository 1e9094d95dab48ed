/**
 * 记录电话 from today's collection list: a phone call (channel T) dated
 * today, with an optional promise to pay and next follow-up. It is an
 * ordinary interaction (same table, same audit), so the customer card and
 * the calendar show it, and its promise drives the promise_broken alert.
 * A promise dated before today could never be kept; it is refused, as is a
 * promise without an amount (the schema), and nothing is saved.
 */
import type { z } from 'zod';
import type { logCallSchema } from '../../../shared/api/alerts';
import type { Interaction } from '../../../shared/api/customers';
import { validationError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { createInteraction } from '../customers/interactions';

export function logCall(ctx: ServiceContext, input: z.output<typeof logCallSchema>): Interaction {
  const today = ctx.clock.today();
  if (input.promiseDate !== null && input.promiseDate < today) {
    throw validationError('promiseDate', `承诺付款日期不能早于今天（${today}）`);
  }
  if (input.nextFollowUp !== null && input.nextFollowUp < today) {
    throw validationError('nextFollowUp', `下次跟进日期不能早于今天（${today}）`);
  }
  return createInteraction(ctx, {
    customerId: input.customerId,
    date: today,
    channel: 'T',
    summary: input.summary,
    promiseDate: input.promiseDate,
    promiseAmountFen: input.promiseAmountFen,
    satisfaction: null,
    nextFollowUp: input.nextFollowUp,
  });
}
