import { IconAlertOctagon, IconChecklist, IconHistory } from '@tabler/icons-react';
import type { RouteDef } from '../../shell/routes';
import { ApprovalsPage } from './ApprovalsPage';
import { AuditPage } from './AuditPage';
import { ExceptionsPage } from './ExceptionsPage';

export const controlRoutes: RouteDef[] = [
  { pattern: '/approvals', component: ApprovalsPage, nav: { label: 'auth.approvals.nav', icon: IconChecklist, group: 'system', permission: 'approvals.request' } },
  { pattern: '/exceptions', component: ExceptionsPage, nav: { label: 'auth.exceptions.nav', icon: IconAlertOctagon, group: 'system', permission: 'exceptions.read' } },
  { pattern: '/audit', component: AuditPage, nav: { label: 'auth.audit.nav', icon: IconHistory, group: 'system', permission: 'audit.read' } },
];
