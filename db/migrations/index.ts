/**
 * Every migration, in order. An in-code list (not a folder scan) because the
 * main process is bundled. Names are zero-padded: Kysely orders by name.
 * Released migrations are never edited; add a new one instead.
 */
import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_customers';
import * as m0003 from './0003_contracts';
import * as m0004 from './0004_ledger';
import * as m0005 from './0005_statements';
import * as m0006 from './0006_alerts';
import * as m0007 from './0007_aging';
import * as m0008 from './0008_import_status';
import * as m0009 from './0009_sync';
import * as m0010 from './0010_users';
import * as m0011 from './0011_evaluation';
import * as m0011b from './0011_evaluation_b_paid';
import * as m0012 from './0012_rebates';
import * as m0014a from './0014_a_open_spans';
import * as m0014b from './0014_b_day_totals';
import * as m0015 from './0015_day_totals_on_delete';
import * as m0017 from './0017_sync_conflicts';
import * as m0018 from './0018_sync_blobs';
import * as m0019 from './0019_invoice_contract_line';
import * as m0022 from './0022_report_indexes';
import * as m0023 from './0023_contacts_primary_merge';
import * as m0024 from './0024_import_progress';
import * as m0025 from './0025_void_window_spans';
import * as m0026a from './0026_a_audit_devices';
import * as m0026b from './0026_b_void_ids';
import * as m0026c from './0026_c_alert_covering';
import * as m0027a from './0027_a_import_day_totals';
import * as m0027b from './0027_b_import_indexes';
import * as m0027c from './0027_c_unused_uninvoiced_index';
import * as m0028 from './0028_open_items_doc_date';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_customers': m0002,
  '0003_contracts': m0003,
  '0004_ledger': m0004,
  '0005_statements': m0005,
  '0006_alerts': m0006,
  '0007_aging': m0007,
  '0008_import_status': m0008,
  '0009_sync': m0009,
  '0010_users': m0010,
  '0011_evaluation': m0011,
  '0011_evaluation_b_paid': m0011b,
  '0012_rebates': m0012,
  '0014_a_open_spans': m0014a,
  '0014_b_day_totals': m0014b,
  '0015_day_totals_on_delete': m0015,
  '0017_sync_conflicts': m0017,
  '0018_sync_blobs': m0018,
  '0019_invoice_contract_line': m0019,
  '0022_report_indexes': m0022,
  '0023_contacts_primary_merge': m0023,
  '0024_import_progress': m0024,
  '0025_void_window_spans': m0025,
  '0026_a_audit_devices': m0026a,
  '0026_b_void_ids': m0026b,
  '0026_c_alert_covering': m0026c,
  '0027_a_import_day_totals': m0027a,
  '0027_b_import_indexes': m0027b,
  '0027_c_unused_uninvoiced_index': m0027c,
  '0028_open_items_doc_date': m0028,
};
