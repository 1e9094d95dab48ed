/**
 * The alert kinds (预警) of DESIGN §4 and their severities. Ids are the
 * stable English words the CLI prints; the UI shows the Chinese labels from
 * the i18n catalogue (alerts.kind.*).
 */

export const ALERT_KINDS = [
  'overdue',
  'credit_limit',
  'installment_due',
  'contract_expiring',
  'contract_ended_with_balance',
  'follow_up_due',
  'promise_broken',
  'churn',
  'statement_unconfirmed',
  'case_overdue',
  // Issue 15: a target period close to its next tier near its end; a period ended with a rebate not settled.
  'rebate_near_tier',
  'rebate_unsettled',
  // Issue 12: what last-writer-wins cannot keep when two PCs sync (duplicates, double voids, …).
  'sync_conflict',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** info < warning < critical; used to sort and to tell whether an alert got worse. */
export const severityRank = (s: AlertSeverity): number => ALERT_SEVERITIES.indexOf(s);

export const isAlertKind = (s: string): s is AlertKind => (ALERT_KINDS as readonly string[]).includes(s);

/** What a stored acknowledgement makes of an alert (DESIGN §4: hidden until the snooze date or until worse). */
export const ALERT_STATES = ['active', 'snoozed', 'acknowledged'] as const;
export type AlertState = (typeof ALERT_STATES)[number];
