/**
 * The alerts after a write that changed only some customers' own rows: the
 * rules run again for those customers alone, and every other alert is kept.
 *
 * The rules are not rewritten for this: they run under the same TEMP views
 * the salesperson scope uses (db/scope.ts), here naming the written
 * customers, so every read sees only their rows, exactly as a salesperson's
 * call sees only theirs. What a customer's alerts read is that customer's
 * rows (its documents, contracts, interactions, statements, cases, rebate
 * targets), so an untouched customer's alerts cannot have changed; the
 * property test (tests/integration/alerts/incremental.property.test.ts)
 * holds this against a full computation after every kind of write.
 *
 * Kinds whose alerts are not one customer's own are recomputed whole, without
 * the views: a sync conflict names rows of several customers.
 *
 * A salesperson's alerts (computed under the scope's views) are refreshed the
 * same way: the written customers still inside the scope are recomputed, and
 * the whole kinds run under the scope (when the office has any of them), so
 * the result is what the scoped full computation gives
 * (tests/integration/alerts/namedWrites.test.ts).
 */
import { applyCustomerIds, applyCustomerScope, customerInScope, removeShadows } from '../../../db/scope';
import type { AlertKind } from '../../../shared/alerts/kinds';
import type { Alert } from '../../../shared/alerts/types';
import type { ServiceContext } from '../context';
import { compareAlerts, computeAlerts } from './compute';
import { getAlertSettings } from './settings';

const WHOLE_KINDS: ReadonlySet<AlertKind> = new Set<AlertKind>(['sync_conflict']);

/** Runs fn under the views `apply` creates and removes them after. */
function under<T>(apply: () => () => void, fn: () => T): T {
  const remove = apply();
  try {
    return fn();
  } finally {
    remove();
  }
}

export function refreshCustomers(ctx: ServiceContext, asOf: string, alerts: readonly Alert[], customers: ReadonlySet<string>): Alert[] {
  const settings = getAlertSettings(ctx);
  const scope = ctx.actor.scope || null;
  // A salesperson's alerts are those of their customers only: a written customer outside the scope
  // (or just moved out of it) has none, and its old ones are dropped below with the others written.
  const named = scope === null ? [...customers] : [...customers].filter((id) => customerInScope(ctx.db.sqlite, scope, id));
  // A scoped read call runs under the salesperson's views; they are set aside while the named
  // customers' views stand in (both shadow the same tables) and put back afterwards.
  const wasScoped = ctx.db.scoped;
  if (wasScoped) removeShadows(ctx.db);
  let theirs: Alert[];
  let whole: Alert[];
  try {
    theirs = under(() => applyCustomerIds(ctx.db, named), () => computeAlerts(ctx, asOf, settings, (kind) => !WHOLE_KINDS.has(kind)));
    const wholeKinds = () => computeAlerts(ctx, asOf, settings, (kind) => WHOLE_KINDS.has(kind));
    whole = wholeKinds();
    // Under the scope a conflict is found among the salesperson's rows only, so it is also one among all
    // rows: none in the whole office (the usual case, and a few ms with the indexes) means none in the
    // scope, and the scoped reading (slow: views over every table) is needed only when there are some.
    if (scope !== null && whole.length > 0) whole = under(() => applyCustomerScope(ctx.db, scope), wholeKinds);
  } finally {
    if (wasScoped && scope !== null) applyCustomerScope(ctx.db, scope);
  }
  const kept = alerts.filter((a) => !WHOLE_KINDS.has(a.kind) && !customers.has(a.customerId));
  // Only the written customers' alerts are taken from the views (every one of them should be theirs anyway).
  return [...kept, ...theirs.filter((a) => customers.has(a.customerId)), ...whole].sort(compareAlerts);
}
