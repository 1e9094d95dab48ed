import type { dashboardMethods } from '../../../shared/api/dashboard';
import { dashboard } from '../../services/dashboard/dashboard';
import type { HandlerMap } from './types';

export const dashboardHandlers: HandlerMap<keyof typeof dashboardMethods> = {
  'dashboard.get': (ctx, input) => dashboard(ctx, input),
};
