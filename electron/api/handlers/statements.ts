import type { statementMethods } from '../../../shared/api/statements';
import { runBatch } from '../../services/statements/batch';
import { openStatementInViewer, printStatement, chooseOutputPath } from '../../services/statements/desktopHost';
import { generateStatement } from '../../services/statements/generate';
import { batchJobStatus, batchMergedPdf, cancelBatchJob, startBatchJob } from '../../services/statements/jobs';
import { exportStatementRegister } from '../../services/statements/exportRegister';
import { letterheadPreview } from '../../services/statements/letterheadPreview';
import { printSelectedStatements } from '../../services/statements/printSelected';
import { getStatement, listStatements, saveStatementPdf, signedCopyFile, statementPdf } from '../../services/statements/register';
import { statementSettingsView, updateStatementSettings } from '../../services/statements/settings';
import { attachSignedCopy, markConfirmed, markDisputed, markSent, markSentMany } from '../../services/statements/statusActions';
import { verifyStatement } from '../../services/statements/verify';
import type { HandlerMap } from './types';
import type { ServiceContext } from '../../services/context';

/** The batch's folder and merged file must be places this caller may write (files/outputPolicy.ts). */
function checkBatchOutputs<T extends { outDir: string | null; mergedPath?: string | null }>(ctx: ServiceContext, input: T): T {
  if (input.outDir) ctx.outputs?.check(input.outDir, 'outDir', { folder: true });
  if (input.mergedPath) ctx.outputs?.check(input.mergedPath, 'mergedPath');
  return input;
}

export const statementHandlers: HandlerMap<keyof typeof statementMethods> = {
  'statements.settings': (ctx) => statementSettingsView(ctx),
  'statements.updateSettings': (ctx, input) => updateStatementSettings(ctx, input),
  'statements.generate': (ctx, input) => {
    if (input.outPath) ctx.outputs?.check(input.outPath, 'outPath');
    return generateStatement(ctx, input, { outPath: input.outPath });
  },
  'statements.list': (ctx, input) => listStatements(ctx, input),
  'statements.get': (ctx, input) => getStatement(ctx, input.id),
  'statements.getPdf': (ctx, input) => statementPdf(ctx, input.id),
  'statements.getSignedCopy': (ctx, input) => signedCopyFile(ctx, input.id),
  'statements.markSent': (ctx, input) => markSent(ctx, input),
  'statements.markSentMany': (ctx, input) => markSentMany(ctx, input),
  'statements.markConfirmed': (ctx, input) => markConfirmed(ctx, input),
  'statements.markDisputed': (ctx, input) => markDisputed(ctx, input),
  'statements.attachSignedCopy': (ctx, input) => attachSignedCopy(ctx, input),
  'statements.verify': (ctx, input) => verifyStatement(ctx, input.code),
  'statements.batch': (ctx, input) => runBatch(ctx, checkBatchOutputs(ctx, input)),
  'statements.startBatch': (ctx, input) => startBatchJob(ctx, checkBatchOutputs(ctx, input)),
  'statements.jobStatus': (_ctx, input) => batchJobStatus(input.jobId),
  'statements.cancelJob': (_ctx, input) => cancelBatchJob(input.jobId),
  'statements.batchMergedPdf': (_ctx, input) => batchMergedPdf(input.jobId),
  'statements.print': (ctx, input) => printStatement(ctx, input),
  'statements.openInViewer': (ctx, input) => openStatementInViewer(ctx, input.id),
  'statements.chooseOutputPath': (_ctx, input) => chooseOutputPath(input),
  'statements.savePdf': (ctx, input) => {
    ctx.outputs?.check(input.outPath, 'outPath');
    return saveStatementPdf(ctx, input);
  },
  'statements.previewLetterhead': (ctx, input) => letterheadPreview(ctx, input),
  'statements.printSelected': (ctx, input) => printSelectedStatements(ctx, input.ids),
  'statements.exportXlsx': (ctx, input) => exportStatementRegister(ctx, input),
};
