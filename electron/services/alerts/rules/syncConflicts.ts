/**
 * sync_conflict (issue 12, point 4): one alert per open sync conflict
 * (electron/services/sync/conflicts.ts), keyed `sync_conflict:<conflict key>`
 * so acknowledging it (alert_acks, a synced table) hides it on every PC.
 * The list is derived from current data, not "as of" a date: a duplicate is
 * a duplicate whatever day the clerk looks at.
 */
import type { Alert } from '../../../../shared/alerts/types';
import { listSyncConflicts, type SyncConflict } from '../../sync/conflicts';
import { makeAlert } from '../makeAlert';
import type { AlertSources } from '../sources';

function toAlert(s: AlertSources, c: SyncConflict): Alert | null {
  const customer = s.customer(c.customerId);
  if (!customer) return null;
  const first = c.rows[0];
  const contract = first.table === 'contracts' ? { id: first.id, no: first.label } : null;
  const doc = first.table === 'ar_documents' ? { id: first.id, no: first.label } : null;
  return makeAlert({
    kind: 'sync_conflict',
    subjectId: c.key,
    // A double void is already neutralised (shown for information); the rest need a person.
    severity: c.kind === 'duplicate_void' ? 'info' : 'warning',
    customer,
    contract,
    doc,
    statementId: first.table === 'statements' ? first.id : null,
    amountFen: c.amountFen,
    days: null,
    facts: {
      conflict: c.kind,
      value: c.value,
      count: c.rows.length,
      labels: c.rows.map((r) => r.label).join('、'),
      ids: c.rows.map((r) => r.id).join(','),
      tables: c.rows.map((r) => r.table).join(','),
      customerIds: c.rows.map((r) => r.customerId).join(','),
    },
  });
}

export function syncConflictAlerts(s: AlertSources): Alert[] {
  const out: Alert[] = [];
  for (const c of listSyncConflicts(s.ctx)) {
    const a = toAlert(s, c);
    if (a) out.push(a);
  }
  return out;
}
