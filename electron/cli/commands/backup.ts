/**
 * `backup --db PATH [--to DIR] [--json]`: a verified online backup, printing
 * {"file","bytes","verified"}; exit 1 when the copy fails integrity_check.
 * `restore --db PATH --from FILE [--json]`: replaces the database by a
 * verified backup through db/backup.ts restoreDatabase (the one restore); the
 * current file is kept aside. Close the app on this PC first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../../shared/errors';
import { checkFlags, stringFlag, UsageError } from '../args';
import { printJson, type CliCommand } from '../command';

// The backup and check machinery (and the SQLite addon behind it) load with these commands only: `--help` stays light.
const backupModule = () => import('../../../db/backup');

export const backupCommand: CliCommand = {
  words: ['backup'],
  usage: 'backup --db PATH [--to DIR] [--json]',
  summary: '在线备份数据库并做完整性校验（默认放在数据库旁的 .backups 文件夹）',
  async run(env) {
    checkFlags(env.args, ['to']);
    if (env.rest.length) throw new UsageError('backup 不需要其他参数：backup --db PATH [--to DIR]');
    const to = stringFlag(env.args, 'to');
    const rt = await env.runtime();
    const { writeVerifiedBackup } = await backupModule();
    const made = await writeVerifiedBackup(rt.database().sqlite, rt.dbFile, { reason: 'manual', at: rt.clock.now(), dir: to ? path.resolve(to) : undefined });
    if (env.json) printJson(env.io, { file: made.file, bytes: made.bytes, verified: made.verified });
    if (!made.verified) {
      env.io.err(`备份已写入 ${made.file}，但完整性校验未通过：${made.problem ?? ''}`);
      return 1;
    }
    env.io.err(`备份完成并已校验：${made.file}（${(made.bytes / 1024 / 1024).toFixed(1)} MB）`);
    return 0;
  },
};

export const restoreCommand: CliCommand = {
  words: ['restore'],
  usage: 'restore --db PATH --from FILE [--json]',
  summary: '用备份文件恢复数据库（先做完整性校验；当前数据库文件另存，不删除）',
  async run(env) {
    checkFlags(env.args, ['from']);
    const from = stringFlag(env.args, 'from');
    if (!from || env.rest.length) throw new UsageError('请给出备份文件：restore --db PATH --from FILE');
    if (!fs.existsSync(from)) throw new DomainError('validation', `备份文件不存在：${from}`, 'from');
    const dbFile = path.resolve(env.dbFile);
    const [{ restoreDatabase }, { quickCheckProblem }] = await Promise.all([backupModule(), import('../../../db/integrity')]);
    const healthy = fs.existsSync(dbFile) && fs.statSync(dbFile).size > 0 && quickCheckProblem(dbFile) === null;
    let keptAs: string | null;
    try {
      keptAs = restoreDatabase(dbFile, path.resolve(from), { current: healthy ? 'replaced' : 'damaged' }).keptAs;
    } catch (e) {
      throw new DomainError('validation', e instanceof Error ? e.message : String(e), 'from');
    }
    if (env.json) printJson(env.io, { file: dbFile, from: path.resolve(from), keptAs, verified: true });
    env.io.err(`已从 ${from} 恢复到 ${dbFile}${keptAs ? `；原来的数据库另存为 ${keptAs}` : ''}`);
    return 0;
  },
};
