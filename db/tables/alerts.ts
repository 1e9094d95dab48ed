/** Kysely row type of the alert acknowledgements (migration 0006). */
export interface AlertAcksTable {
  alert_key: string;
  kind: string;
  /** Hidden until this business date (shown again on it); null when acknowledged. */
  snoozed_until: string | null;
  /** 0 or 1. */
  acknowledged: number;
  note: string;
  user: string;
  /** Business date the snooze/acknowledgement was made (it does not hide the alert on earlier dates). */
  acked_on: string;
  /** ISO instant. */
  at: string;
  severity: string;
  /** JSON: the alert's facts when acknowledged. */
  facts: string;
}
