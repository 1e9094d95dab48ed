/** Kysely row types of the rebate tables (migration 0012). */
export interface RebateTargetsTable {
  id: string;
  contract_id: string;
  /** 'month' | 'quarter' | 'year' | 'custom' */
  period_kind: string;
  period_from: string;
  period_to: string;
  /** 'sales' | 'collections' */
  basis: string;
  /** 0 or 1: collections basis counts only receipts paid within terms. */
  on_time_only: number;
  contract_line_id: string | null;
  target_fen: number;
  /** 'whole' (全额累进) | 'banded' (超额分段) */
  mode: string;
  /** JSON array of {attainmentPpm, ratePpm, amountFen}. */
  tiers: string;
  cap_fen: number | null;
  on_time_rate_ppm: number | null;
  notes: string;
  import_batch_id: string | null;
  removed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RebateSettlementsTable {
  id: string;
  target_id: string;
  contract_id: string;
  customer_id: string;
  period_from: string;
  period_to: string;
  /** 'settlement' | 'adjustment' */
  kind: string;
  /** 'credit' | 'cash' */
  payout: string;
  document_id: string;
  refund_id: string | null;
  /** Signed: an adjustment of an over-settled period is negative. */
  amount_fen: number;
  base_fen: number;
  earned_fen: number;
  figures: string;
  settled_on: string;
  /** Derived: the target id (or adj:id) while the document stands; NULL once voided. */
  active_key: string | null;
  created_at: string;
  created_by: string;
}
