/** "立即备份" as a background job: the call answers with an id, the screen polls the progress. */
import type { BackupJobStatus } from '../../../shared/api/backup';
import { DomainError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import type { ServiceContext } from '../context';
import { backupNow } from './runBackup';

const jobs = new Map<string, BackupJobStatus>();
const MAX_KEPT = 20;

export function startBackupJob(ctx: ServiceContext): { jobId: string } {
  if ([...jobs.values()].some((j) => j.state === 'running')) throw new DomainError('conflict', '已有一个备份正在进行，请等它完成', null);
  const jobId = newId();
  const job: BackupJobStatus = { jobId, state: 'running', donePages: 0, totalPages: 0, result: null, error: null };
  jobs.set(jobId, job);
  for (const id of [...jobs.keys()].slice(0, Math.max(0, jobs.size - MAX_KEPT))) jobs.delete(id);
  void backupNow(ctx, 'manual', (done, total) => {
    job.donePages = done;
    job.totalPages = total;
  }).then(
    (result) => Object.assign(job, { state: result.verified ? 'done' : 'failed', donePages: job.totalPages, result, error: result.problem }),
    (e: unknown) => Object.assign(job, { state: 'failed', error: e instanceof Error ? e.message : String(e) }),
  );
  return { jobId };
}

export function backupJobStatus(jobId: string): BackupJobStatus {
  const job = jobs.get(jobId);
  if (!job) throw new DomainError('not_found', '找不到该备份任务', 'jobId');
  return { ...job };
}
