import type { syncMethods } from '../../../shared/api/sync';
import { dismissConflict, syncNow, syncStatusView, testShareFolder, verifyNow } from '../../services/sync/service';
import { mergeCustomerView, mergesView, openConflictItems, previewMerge, renameDuplicate, undoMergeView } from '../../services/sync/resolve';
import type { HandlerMap } from './types';

export const syncHandlers: HandlerMap<keyof typeof syncMethods> = {
  'sync.status': (ctx) => syncStatusView(ctx),
  'sync.testFolder': (_ctx, input) => testShareFolder(input.folder),
  'sync.setup': (ctx, input) => syncNow(ctx, { folder: input.folder, name: input.name || undefined }),
  'sync.now': (ctx) => syncNow(ctx),
  'sync.verify': (ctx) => verifyNow(ctx),
  'sync.dismissConflict': (ctx, input) => dismissConflict(ctx, input),
  'sync.conflicts': (ctx) => openConflictItems(ctx),
  'sync.rename': (ctx, input) => renameDuplicate(ctx, input),
  'sync.mergePreview': (ctx, input) => previewMerge(ctx, input),
  'sync.mergeCustomer': (ctx, input) => mergeCustomerView(ctx, input),
  'sync.undoMerge': (ctx, input) => undoMergeView(ctx, input),
  'sync.merges': (ctx) => mergesView(ctx),
};
