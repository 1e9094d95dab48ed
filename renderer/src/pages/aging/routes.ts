/**
 * The boss's screens, registered in shell/routes.tsx with one line each:
 * 首页 (the dashboard, at '/', first in the daily group) and 账龄.
 */
import { IconClockHour4, IconHome } from '@tabler/icons-react';
import type { RouteDef } from '../../shell/routes';
import { DashboardPage } from '../dashboard/DashboardPage';
import { AgingPage } from './AgingPage';

export const homeRoutes: RouteDef[] = [{ pattern: '/', component: DashboardPage, nav: { label: 'aging.nav.home', icon: IconHome, group: 'daily' } }];

export const agingRoutes: RouteDef[] = [{ pattern: '/aging', component: AgingPage, nav: { label: 'aging.nav.aging', icon: IconClockHour4, group: 'daily' } }];
