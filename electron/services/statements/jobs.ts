/**
 * Batch statements as background jobs for the UI: startBatch checks the
 * input and the folder at once (so "cannot write there" is an immediate
 * error), then runs the batch after answering; the renderer asks jobStatus
 * for the progress bar and may cancelJob. Jobs live in memory in the process
 * that runs the database (one office PC): after a restart the register
 * already holds what was generated, and a rerun skips those.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BatchJobStatus, BatchResult, StatementFile } from '../../../shared/api/statements';
import { DomainError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import type { ServiceContext } from '../context';
import { batchTargets, runBatch, type BatchInput } from './batch';

interface Job {
  status: BatchJobStatus;
  cancelRequested: boolean;
  finishedAt: number | null;
}

const jobs = new Map<string, Job>();
/** Finished jobs are kept a while for the screen that started them, then forgotten. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;
const MAX_FINISHED = 50;

function prune(now: number): void {
  const finished = [...jobs.entries()].filter(([, j]) => j.finishedAt !== null);
  for (const [id, j] of finished) if (now - (j.finishedAt ?? now) > KEEP_FINISHED_MS) jobs.delete(id);
  const extra = finished.length - MAX_FINISHED;
  for (const [id] of finished.slice(0, Math.max(0, extra))) jobs.delete(id);
}

const snapshot = (job: Job): BatchJobStatus => ({ ...job.status, failed: [...job.status.failed] });

export function startBatchJob(ctx: ServiceContext, input: BatchInput): { jobId: string } {
  prune(Date.now());
  const { outDir } = batchTargets(ctx, input);
  const jobId = newId();
  const empty: BatchResult = {
    outDir,
    total: 0,
    generated: 0,
    skipped: 0,
    failed: [],
    cancelled: false,
    mergedPath: null,
    mergedPages: null,
    mergedError: null,
  };
  const job: Job = { status: { ...empty, jobId, state: 'running', done: 0, error: null }, cancelRequested: false, finishedAt: null };
  jobs.set(jobId, job);
  const finish = (state: BatchJobStatus['state'], patch: Partial<BatchJobStatus>) => {
    job.status = { ...job.status, ...patch, state };
    job.finishedAt = Date.now();
  };
  // Not awaited: the call answers with the job id; progress is read with jobStatus.
  void runBatch(ctx, input, {
    onProgress: (p) => {
      job.status = { ...job.status, ...p };
    },
    isCancelled: () => job.cancelRequested || !ctx.db.sqlite.open,
  }).then(
    (r) => finish(r.cancelled ? 'cancelled' : 'done', { ...r, done: r.cancelled ? job.status.done : r.total }),
    (e: unknown) => finish('failed', { error: e instanceof Error ? e.message : String(e) }),
  );
  return { jobId };
}

function requireJob(jobId: string): Job {
  const job = jobs.get(jobId);
  if (!job) throw new DomainError('not_found', '找不到该批量任务（程序重启后任务记录不再保留，已生成的对账单在登记簿中）', 'jobId');
  return job;
}

/** The job's merged PDF as written (its path comes from the job, never from the caller). */
export function batchMergedPdf(jobId: string): StatementFile {
  const { mergedPath } = requireJob(jobId).status;
  if (!mergedPath || !fs.existsSync(mergedPath)) throw new DomainError('not_found', '该批量任务没有生成合并打印文件', 'jobId');
  return { fileName: path.basename(mergedPath), mime: 'application/pdf', dataBase64: fs.readFileSync(mergedPath).toString('base64') };
}

export const batchJobStatus = (jobId: string): BatchJobStatus => snapshot(requireJob(jobId));

/** Stops the job before its next customer; what was generated stays generated (and recorded). */
export function cancelBatchJob(jobId: string): BatchJobStatus {
  const job = requireJob(jobId);
  if (job.status.state === 'running') job.cancelRequested = true;
  return snapshot(job);
}
