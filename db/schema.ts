/**
 * The database as Kysely sees it: one interface per table, grouped by area
 * in db/tables/. Services compile queries against this type and run them
 * synchronously through db/query.ts.
 */
import type { AuditLogTable, SettingsTable, StoredFilesTable } from './tables/core';

export interface DB {
  settings: SettingsTable;
  audit_log: AuditLogTable;
  stored_files: StoredFilesTable;
}

export type TableName = keyof DB;
