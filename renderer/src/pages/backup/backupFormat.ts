/** How backups are shown: size, local time, the reason as a word. */
import type { MessageKey } from '../../../../shared/i18n/translate';

export const backupSize = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `2026-12-07 09:55` in the PC's time zone (the office's). */
export function backupTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function reasonKey(reason: string): MessageKey {
  if (reason === 'daily') return 'backup.reasonDaily';
  if (reason === 'manual') return 'backup.reasonManual';
  if (reason.startsWith('before-')) return 'backup.reasonMigration';
  return 'backup.reasonOther';
}
