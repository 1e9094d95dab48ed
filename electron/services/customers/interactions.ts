/** 往来记录: calls, messages and visits logged against a customer, with promises to pay and follow-up dates. */
import type { z } from 'zod';
import type { Interaction, interactionCreateSchema } from '../../../shared/api/customers';
import { DomainError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { getCustomerRow } from './customers';
import { interactionFromRow } from './rows';

export type InteractionCreate = z.output<typeof interactionCreateSchema>;

/** A customer's timeline, newest first: by date, then by when it was entered. */
export function listInteractions(ctx: ServiceContext, customerId: string, limit = 200): Interaction[] {
  getCustomerRow(ctx, customerId);
  return ctx.db
    .all(
      ctx.db.k
        .selectFrom('interactions')
        .selectAll()
        .where('customer_id', '=', customerId)
        .orderBy('date', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit),
    )
    .map(interactionFromRow);
}

/** Inside the caller's transaction (also used by the demo loader). */
export function insertInteraction(ctx: ServiceContext, input: InteractionCreate): string {
  const customer = getCustomerRow(ctx, input.customerId);
  if (customer.archived_at !== null) {
    throw new DomainError('validation', `客户“${customer.name}”已归档，请先恢复后再记录往来`, 'customerId');
  }
  const id = newId();
  const at = ctx.clock.now().toISOString();
  ctx.db.run(
    ctx.db.k.insertInto('interactions').values({
      id,
      customer_id: input.customerId,
      date: input.date,
      channel: input.channel,
      summary: input.summary,
      promise_date: input.promiseDate,
      promise_amount_fen: input.promiseAmountFen,
      next_follow_up: input.nextFollowUp,
      satisfaction: input.satisfaction,
      user: ctx.actor.user,
      created_at: at,
      updated_at: at,
    }),
  );
  const row = ctx.db.first(ctx.db.k.selectFrom('interactions').selectAll().where('id', '=', id));
  if (!row) throw new Error('interaction vanished after insert');
  const { createdAt: _c, ...after } = interactionFromRow(row);
  recordChange(ctx, { entity: 'interaction', entityId: id, action: 'create', before: null, after, tables: ['interactions'], customerId: input.customerId });
  return id;
}

export function createInteraction(ctx: ServiceContext, input: InteractionCreate): Interaction {
  return ctx.db.transaction(() => {
    const id = insertInteraction(ctx, input);
    const row = ctx.db.first(ctx.db.k.selectFrom('interactions').selectAll().where('id', '=', id));
    if (!row) throw new Error('interaction vanished after insert');
    return interactionFromRow(row);
  });
}
