/**
 * The alert screens, registered in shell/routes.tsx with one line: 今日催收
 * at the top of the daily group, 预警 with its count badge.
 */
import { IconAlertTriangle, IconPhoneCall } from '@tabler/icons-react';
import type { RouteDef } from '../../shell/routes';
import { TodayCollectionPage } from '../collection/TodayCollectionPage';
import { AlertNavBadge } from './AlertBadges';
import { AlertCenterPage } from './AlertCenterPage';

export const collectionRoutes: RouteDef[] = [
  { pattern: '/collection', component: TodayCollectionPage, nav: { label: 'alerts.nav.collection', icon: IconPhoneCall, group: 'daily' } },
];

export const alertRoutes: RouteDef[] = [
  { pattern: '/alerts', component: AlertCenterPage, nav: { label: 'alerts.nav.alerts', icon: IconAlertTriangle, group: 'daily', badge: AlertNavBadge } },
];
