/**
 * Where the demo database lives: `<office data dir>/demo/`, its own SQLite
 * file and its own data dir (stored files, statement PDFs, backups), so
 * nothing of the demo is ever written next to the office's books, and the
 * office's backups never contain demo rows.
 */
import path from 'node:path';

export function demoFiles(officeDataDir: string): { dbFile: string; dataDir: string } {
  const dataDir = path.join(officeDataDir, 'demo');
  return { dbFile: path.join(dataDir, 'dealerdesk-demo.db'), dataDir };
}
