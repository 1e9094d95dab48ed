/**
 * Which tables travel between the office PCs (LAN sync, issue 12) and how.
 *
 * This list is the one shape that the sync, roles and every new-table issue
 * agree on: a table written by any service is either listed here or is
 * local on purpose (derived data, caches, this PC's own state). Sync captures
 * changes of the listed tables in the same transaction as the write and
 * re-derives the local ones after applying remote changes. A test fails when a
 * table exists in the schema without being listed here or in `localTables`.
 *
 * - `fields`: master data and settings; merged field by field, the newest
 *   change by hybrid logical clock wins (two clerks editing different fields
 *   of the same row offline both keep their change).
 * - `insert`: rows that are only ever inserted and never change afterwards
 *   (ledger documents, audit rows); keyed by id, applying twice is a no-op.
 *   Columns listed in `derived` are recomputed on every PC and never shipped.
 */
export type SyncMerge = 'fields' | 'insert';

export interface SyncedTable {
  table: string;
  /** Primary-key columns (a text ULID `id` unless said otherwise). */
  key: readonly string[];
  merge: SyncMerge;
  /** Columns every PC derives for itself (never shipped, never compared). */
  derived?: readonly string[];
}

export const syncedTables: readonly SyncedTable[] = [
  { table: 'settings', key: ['key'], merge: 'fields' },
  { table: 'audit_log', key: ['id'], merge: 'insert' },
  { table: 'stored_files', key: ['sha256'], merge: 'insert' },
  { table: 'customers', key: ['id'], merge: 'fields' },
  { table: 'contacts', key: ['id'], merge: 'fields' },
  { table: 'interactions', key: ['id'], merge: 'fields' },
  { table: 'products', key: ['id'], merge: 'fields' },
  { table: 'import_batches', key: ['id'], merge: 'fields' },
  { table: 'contracts', key: ['id'], merge: 'fields' },
  { table: 'contract_lines', key: ['id'], merge: 'fields' },
  { table: 'contract_installments', key: ['id'], merge: 'fields' },
  { table: 'contract_attachments', key: ['id'], merge: 'fields' },
  { table: 'ar_documents', key: ['id'], merge: 'insert', derived: ['open_fen', 'unapplied_fen'] },
  { table: 'ar_explicit_targets', key: ['credit_id', 'seq'], merge: 'insert' },
  { table: 'statements', key: ['id'], merge: 'fields' },
  { table: 'alert_acks', key: ['alert_key'], merge: 'fields' },
  { table: 'after_sales_cases', key: ['id'], merge: 'fields' },
  { table: 'after_sales_events', key: ['id'], merge: 'insert' },
  // Issue 13: users and their decisions travel; the closed-through date is the synced setting 'period.closedThrough'.
  { table: 'users', key: ['id'], merge: 'fields' },
  { table: 'approvals', key: ['id'], merge: 'fields' },
  { table: 'lock_exceptions', key: ['id'], merge: 'fields' },
  { table: 'exception_reviews', key: ['id'], merge: 'insert' },
  { table: 'rebate_targets', key: ['id'], merge: 'fields' },
  { table: 'rebate_settlements', key: ['id'], merge: 'insert', derived: ['active_key'] },
  // Issue 12 point 4: each "merge into" of duplicate customers, what it moved and what undo restores.
  { table: 'customer_merges', key: ['id'], merge: 'fields' },
];

/** Tables that never travel: derived from the synced ones, or this PC's own. */
export const localTables: readonly string[] = [
  'ar_allocations',
  'ar_customer_state',
  // Which process on this PC is still writing a chunked import (issue 11): meaningless elsewhere.
  'import_commits',
  // Issue 17: each document's open amount over time, derived from the allocations by every
  // re-derivation (electron/services/ledger/rederive.ts); sync re-derives after applying remote documents.
  'ar_open_spans',
  // Issue 17: the open spans of the replay as of the dates a void crosses, and the digest of their
  // inputs, derived with the open spans (electron/services/ledger/voidWindowSpans.ts), sync included.
  'ar_void_window_spans',
  'ar_void_window_inputs',
  // Issue 17: per-day totals of the documents, kept by an insert trigger on ar_documents
  // (so also when sync inserts another PC's documents), and by a chunked import of this PC
  // for its own documents (migration 0027_a, imports/dayTotalsDelta.ts).
  'ar_day_totals',
  // Failed-login back-off of this PC's login screen (issue 13): per device by design.
  'login_throttle',
  // The sync's own bookkeeping on this PC (migration 0009): outbox, field clocks, published
  // segments, how far each peer's log is applied, remote rows the local constraints refused.
  'sync_changes',
  'sync_winners',
  'sync_segments',
  'sync_cursors',
  'sync_rejects',
  // Which stored files' bytes this PC holds and has verified on the share (migration 0018).
  'sync_blobs',
];

/**
 * Setting keys that stay on this PC (window size, the sync folder itself,
 * this PC's device id, printer choice). Matched as exact keys or `prefix*`.
 */
export const localSettingKeys: readonly string[] = ['local.*'];
