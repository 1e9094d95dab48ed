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
 */
import { applyCustomerIds } from '../../../db/scope';
import type { AlertKind } from '../../../shared/alerts/kinds';
import type { Alert } from '../../../shared/alerts/types';
import type { ServiceContext } from '../context';
import { compareAlerts, computeAlerts } from './compute';
import { getAlertSettings } from './settings';

const WHOLE_KINDS: ReadonlySet<AlertKind> = new Set<AlertKind>(['sync_conflict']);

export function refreshCustomers(ctx: ServiceContext, asOf: string, alerts: readonly Alert[], customers: ReadonlySet<string>): Alert[] {
  const settings = getAlertSettings(ctx);
  const removeViews = applyCustomerIds(ctx.db, [...customers]);
  let theirs: Alert[];
  try {
    theirs = computeAlerts(ctx, asOf, settings, (kind) => !WHOLE_KINDS.has(kind));
  } finally {
    removeViews();
  }
  const whole = computeAlerts(ctx, asOf, settings, (kind) => WHOLE_KINDS.has(kind));
  const kept = alerts.filter((a) => !WHOLE_KINDS.has(a.kind) && !customers.has(a.customerId));
  // Only the written customers' alerts are taken from the views (every one of them should be theirs anyway).
  return [...kept, ...theirs.filter((a) => customers.has(a.customerId)), ...whole].sort(compareAlerts);
}
