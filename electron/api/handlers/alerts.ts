import type { alertMethods } from '../../../shared/api/alerts';
import { acknowledge, alertCounts, listAlerts, snooze } from '../../services/alerts/service';
import { getAlertSettings, updateAlertSettings } from '../../services/alerts/settings';
import { exportCollectionPdf, exportCollectionXlsx } from '../../services/collection/exportCollection';
import { logCall } from '../../services/collection/logCall';
import { collectionToday } from '../../services/collection/today';
import type { HandlerMap } from './types';

export const alertHandlers: HandlerMap<keyof typeof alertMethods> = {
  'alerts.list': (ctx, input) => listAlerts(ctx, input),
  'alerts.counts': (ctx, input) => alertCounts(ctx, input),
  'alerts.snooze': (ctx, input) => snooze(ctx, input),
  'alerts.acknowledge': (ctx, input) => acknowledge(ctx, input),
  'alerts.settings': (ctx) => getAlertSettings(ctx),
  'alerts.updateSettings': (ctx, input) => updateAlertSettings(ctx, input),
  'collection.today': (ctx, input) => collectionToday(ctx, input),
  'collection.logCall': (ctx, input) => logCall(ctx, input),
  'collection.exportXlsx': (ctx, input) => exportCollectionXlsx(ctx, input),
  'collection.exportPdf': (ctx, input) => exportCollectionPdf(ctx, input),
};
