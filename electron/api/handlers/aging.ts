import type { agingMethods } from '../../../shared/api/aging';
import { agingBucketSettings, resetAgingBuckets, updateAgingBuckets } from '../../services/aging/bucketSettings';
import { agingOpenItems } from '../../services/aging/openItems';
import { agingReport } from '../../services/aging/report';
import type { HandlerMap } from './types';

/** The exports (spreadsheet and PDF machinery, statement settings and fonts) load when asked for: the report alone does not need them. */
const exports = () => import('../../services/aging/exportAging');

export const agingHandlers: HandlerMap<keyof typeof agingMethods> = {
  'aging.report': (ctx, input) => agingReport(ctx, input),
  'aging.openItems': (ctx, input) => agingOpenItems(ctx, input),
  'aging.exportXlsx': async (ctx, input) => (await exports()).exportAgingXlsx(ctx, input),
  'aging.exportPdf': async (ctx, input) => (await exports()).exportAgingPdf(ctx, input),
  'aging.buckets': (ctx) => agingBucketSettings(ctx),
  'aging.updateBuckets': (ctx, input) => updateAgingBuckets(ctx, input),
  'aging.resetBuckets': (ctx, input) => resetAgingBuckets(ctx, input),
};
