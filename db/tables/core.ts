/** Kysely row types of the foundation tables (settings, audit log, files). */
export interface SettingsTable {
  key: string;
  /** JSON text. */
  value: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user: string;
  device: string;
  entity: string;
  entity_id: string;
  action: string;
  /** JSON text or null (nothing before a create / after a delete). */
  before: string | null;
  after: string | null;
  /** Issue 13: the logged-in user (null before users existed, or for system writes). */
  user_id: string | null;
  /** The boss who authorized the act on the spot or by approving a request. */
  authorized_by: string | null;
  approval_id: string | null;
  /** ipc / http / cli / system. */
  channel: string | null;
}

/** Content-addressed files kept in the data directory (logo, scans, PDFs). */
export interface StoredFilesTable {
  sha256: string;
  mime: string;
  size: number;
  created_at: string;
}
