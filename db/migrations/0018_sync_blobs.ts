import { sql, type Kysely } from 'kysely';

/**
 * LAN sync of file bytes (issue 12 point 1). Stored files (contract
 * attachments, statement PDFs, signed copies, the logo) travel as rows of
 * `stored_files`; their bytes go to the share once, under their sha256.
 * `sync_blobs` is this PC's own note of which stored files it has settled:
 * the bytes are here on local disk AND verified on the share. A stored file
 * without a row is still to do: uploaded when this PC holds the bytes,
 * fetched from the share when it does not. Local bookkeeping, never synced.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE sync_blobs (
    sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
    settled_at TEXT NOT NULL
  ) WITHOUT ROWID`.execute(db);
}
