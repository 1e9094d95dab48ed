import type { agingMethods } from '../../../shared/api/aging';
import { agingBucketSettings, resetAgingBuckets, updateAgingBuckets } from '../../services/aging/bucketSettings';
import { exportAgingPdf, exportAgingXlsx } from '../../services/aging/exportAging';
import { agingOpenItems } from '../../services/aging/openItems';
import { agingReport } from '../../services/aging/report';
import type { HandlerMap } from './types';

export const agingHandlers: HandlerMap<keyof typeof agingMethods> = {
  'aging.report': (ctx, input) => agingReport(ctx, input),
  'aging.openItems': (ctx, input) => agingOpenItems(ctx, input),
  'aging.exportXlsx': (ctx, input) => exportAgingXlsx(ctx, input),
  'aging.exportPdf': (ctx, input) => exportAgingPdf(ctx, input),
  'aging.buckets': (ctx) => agingBucketSettings(ctx),
  'aging.updateBuckets': (ctx, input) => updateAgingBuckets(ctx, input),
  'aging.resetBuckets': (ctx, input) => resetAgingBuckets(ctx, input),
};
