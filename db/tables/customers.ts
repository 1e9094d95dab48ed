/** Kysely row types of the customer file (migration 0002): customers, contacts, interactions, products, import batches. */
import type { Generated } from 'kysely';
export interface CustomersTable {
  id: string;
  code: string;
  name: string;
  short_name: string;
  /** First letters of every reading of the name, space separated ("cqhd zqhd"). */
  pinyin: string;
  /** Full pinyin of the usual reading, for sorting names the way a Chinese reader expects. */
  sort_key: string;
  kind: string | null;
  grade: string | null;
  region: string;
  address: string;
  tax_id: string;
  bank_name: string;
  bank_account: string;
  credit_limit_fen: number | null;
  payment_term_days: number | null;
  salesperson: string;
  status: string;
  /** JSON array of strings. */
  tags: string;
  notes: string;
  archived_at: string | null;
  import_batch_id: string | null;
  created_at: string;
  updated_at: string;
  /** 'key' | 'ordinary' | 'potential' | null (migration 0011). */
  layer: string | null;
  /** Per-customer visit plan override in days (migration 0011); null = the plan of its layer/grade. */
  visit_interval_days: number | null;
  /** Set when this customer was merged into another (a sync-conflict resolution, migration 0017); null otherwise. */
  merged_into: string | null;
}

export interface ContactsTable {
  id: string;
  customer_id: string;
  name: string;
  title: string;
  mobile: string;
  phone: string;
  email: string;
  wechat: string;
  /** 0 or 1; at most one 1 per customer (partial unique index). */
  is_primary: number;
  created_at: string;
  updated_at: string;
}

export interface InteractionsTable {
  id: string;
  customer_id: string;
  date: string;
  channel: string;
  summary: string;
  promise_date: string | null;
  promise_amount_fen: number | null;
  next_follow_up: string | null;
  /** 1–5 or null (migration 0011). */
  satisfaction: number | null;
  user: string;
  created_at: string;
  updated_at: string;
}

export interface ProductsTable {
  id: string;
  code: string;
  name: string;
  pinyin: string;
  spec: string;
  unit: string;
  default_price_fen: number | null;
  archived_at: string | null;
  import_batch_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImportBatchesTable {
  id: string;
  kind: string;
  file_name: string;
  rows: number;
  created_at: string;
  user: string;
  undone_at: string | null;
  undo_reason: string | null;
  /** 'committing' while a chunked import is still writing (hidden, removed after a crash); then 'done'. */
  status: Generated<'committing' | 'done'>;
}

/** This PC's live chunked imports: who writes the batch, and when it last made progress. */
export interface ImportCommitsTable {
  batch_id: string;
  owner_pid: number;
  owner_host: string;
  heartbeat_at: string;
  /** Rows committed so far (migration 0024): the progress every screen shows while the batch runs. */
  rows_written: Generated<number>;
}

/** One "merge into" of a duplicate customer (migration 0017); undo restores what `moved`/`restore` record. */
export interface CustomerMergesTable {
  id: string;
  from_customer_id: string;
  into_customer_id: string;
  /** JSON: { table: [primary keys moved] }. */
  moved: string;
  /** JSON: what undo puts back besides the moves (the merged customer's archive state, contacts' primary flags). */
  restore: string;
  merged_at: string;
  merged_by: string;
  undone_at: string | null;
  undone_by: string | null;
}
