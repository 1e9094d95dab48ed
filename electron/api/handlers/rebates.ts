import type { rebateMethods } from '../../../shared/api/rebates';
import { rebateList, rebateObligation } from '../../services/rebates/list';
import { progressRows } from '../../services/rebates/progress';
import { settleRebate } from '../../services/rebates/settle';
import { rebateSheet } from '../../services/rebates/sheet';
import { removeTarget, saveTarget } from '../../services/rebates/targets';
import type { HandlerMap } from './types';

export const rebateHandlers: HandlerMap<keyof typeof rebateMethods> = {
  'rebates.contractTargets': (ctx, input) => progressRows(ctx, { asOf: input.asOf ?? ctx.clock.today(), contractId: input.contractId }),
  'rebates.saveTarget': (ctx, input) => saveTarget(ctx, input),
  'rebates.removeTarget': (ctx, input) => removeTarget(ctx, input.id),
  'rebates.list': (ctx, input) => rebateList(ctx, input),
  'rebates.sheet': (ctx, input) => rebateSheet(ctx, input.targetId, input.asOf),
  'rebates.settle': (ctx, input) => settleRebate(ctx, input, 'settle'),
  'rebates.adjust': (ctx, input) => settleRebate(ctx, input, 'adjust'),
  'rebates.obligation': (ctx, input) => rebateObligation(ctx, input.asOf),
};
