/**
 * The boss regrades one or many customers in one step. Each change is
 * audited with the scores at that moment (period, both scores, the suggested
 * grade), so a later reader sees why the grade moved.
 */
import type { z } from 'zod';
import type { regradeSchema } from '../../../shared/api/evaluation';
import { DomainError } from '../../../shared/errors';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { resolvePeriod } from './period';
import { computeScorecards, customerHeads, type CustomerHead } from './scorecards';
import { getEvaluationSettings } from './settings';

export function regrade(ctx: ServiceContext, input: z.output<typeof regradeSchema>): { changed: number } {
  const period = resolvePeriod(ctx, input);
  const settings = getEvaluationSettings(ctx);
  return ctx.db.transaction(() => {
    const wanted = new Map(input.changes.map((c) => [c.customerId, c.grade]));
    const heads: CustomerHead[] = [];
    for (const id of wanted.keys()) {
      const [h] = customerHeads(ctx, id);
      if (!h) throw new DomainError('not_found', '找不到要调整等级的客户', 'changes');
      heads.push(h);
    }
    // One customer: the card's narrow queries; several: one set-based pass over everyone.
    const cards =
      heads.length === 1
        ? computeScorecards(ctx, period, heads, settings, heads[0].id)
        : computeScorecards(ctx, period, customerHeads(ctx, null), settings, null).filter((c) => wanted.has(c.customerId));
    const byId = new Map(cards.map((c) => [c.customerId, c]));
    const at = ctx.clock.now().toISOString();
    let changed = 0;
    for (const h of heads) {
      const grade = wanted.get(h.id) ?? null;
      if (grade === h.grade) continue;
      const card = byId.get(h.id);
      ctx.db.run(ctx.db.k.updateTable('customers').set({ grade, updated_at: at }).where('id', '=', h.id));
      recordChange(ctx, {
        entity: 'customer',
        entityId: h.id,
        action: 'regrade',
        before: { grade: h.grade },
        after: {
          grade,
          reason: input.reason,
          period: { from: period.from, to: period.to },
          salesScore: card?.salesScore ?? null,
          creditScore: card?.creditScore ?? null,
          suggestedGrade: card?.suggestedGrade ?? null,
        },
        tables: ['customers'],
      });
      changed++;
    }
    return { changed };
  });
}
