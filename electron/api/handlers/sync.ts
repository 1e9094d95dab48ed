import type { syncMethods } from '../../../shared/api/sync';
import { dismissConflict, setupSync, syncNow, syncStatusView, testShareFolder, verifyNow } from '../../services/sync/service';
import { mergeCustomerView, mergesView, openConflictItems, previewMerge, renameDuplicate, undoMergeView } from '../../services/sync/resolve';
import { chooseSettingsFolder } from '../../services/statements/desktopHost';
import type { HandlerMap } from './types';

export const syncHandlers: HandlerMap<keyof typeof syncMethods> = {
  'sync.status': (ctx) => syncStatusView(ctx),
  'sync.testFolder': (_ctx, input) => testShareFolder(input.folder),
  'sync.setup': (ctx, input) => setupSync(ctx, input),
  'sync.chooseFolder': (_ctx, input) => chooseSettingsFolder('share', input.current),
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
