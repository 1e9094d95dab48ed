import { describe, expect, it } from 'vitest';
import { backupsToPrune, dailyBackupDue, type BackupFact } from '../../electron/services/backup/schedule';

const daily = (localDate: string, verified: boolean | null = true, reason = 'daily'): BackupFact => ({
  name: `${localDate.replace(/-/g, '')}-010000-${reason}.db`,
  localDate,
  reason,
  verified,
});

describe('dailyBackupDue', () => {
  it('is due until a verified daily backup exists for today', () => {
    expect(dailyBackupDue('2026-12-07', [])).toBe(true);
    expect(dailyBackupDue('2026-12-07', [daily('2026-12-06')])).toBe(true);
    expect(dailyBackupDue('2026-12-07', [daily('2026-12-07', false)])).toBe(true);
    expect(dailyBackupDue('2026-12-07', [daily('2026-12-07', true, 'manual')])).toBe(true);
    expect(dailyBackupDue('2026-12-07', [daily('2026-12-07')])).toBe(false);
  });
});

describe('backupsToPrune', () => {
  it('keeps the newest of the last 14 days and of the last 12 months, never manual ones', () => {
    const all: BackupFact[] = [];
    for (let m = 1; m <= 12; m++) for (const d of [1, 15, 28]) all.push(daily(`2026-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`));
    all.push(daily('2025-12-28'), daily('2025-11-28'), daily('2026-03-03', true, 'manual'));
    const pruned = new Set(backupsToPrune(all, { keepDaily: 14, keepMonthly: 12 }));
    const kept = all.filter((b) => !pruned.has(b.name)).map((b) => b.localDate).sort();
    // 14 newest dates: Aug 1 … Dec 28 (5 months × 3 = 15, minus Aug 1); monthly: newest of each month Jan … Dec 2026.
    const expected = new Set<string>();
    for (let m = 1; m <= 12; m++) expected.add(`2026-${String(m).padStart(2, '0')}-28`);
    for (const m of ['08', '09', '10', '11', '12']) for (const d of ['01', '15', '28']) expected.add(`2026-${m}-${d}`);
    expected.delete('2026-08-01');
    expected.add('2026-03-03');
    expect(kept).toEqual([...expected].sort());
  });

  it('drops a failed daily backup once it is older than the kept days, keeps a recent one for the screen', () => {
    const all = [daily('2026-12-07', false), daily('2026-12-06'), daily('2026-12-05'), daily('2026-12-01', false)];
    expect(backupsToPrune(all, { keepDaily: 1, keepMonthly: 0 }).sort()).toEqual([daily('2026-12-01').name, daily('2026-12-05').name].sort());
  });
});
