import { IconAlertOctagon, IconHistory } from '@tabler/icons-react';
import type { RouteDef } from '../../shell/routes';
import { AuditPage } from './AuditPage';
import { ExceptionsPage } from './ExceptionsPage';

export const controlRoutes: RouteDef[] = [
  { pattern: '/exceptions', component: ExceptionsPage, nav: { label: 'auth.exceptions.nav', icon: IconAlertOctagon, group: 'system', permission: 'exceptions.read' } },
  { pattern: '/audit', component: AuditPage, nav: { label: 'auth.audit.nav', icon: IconHistory, group: 'system', permission: 'audit.read' } },
];
