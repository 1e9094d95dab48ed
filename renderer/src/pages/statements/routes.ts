/**
 * The statement screens, registered in shell/routes.tsx with one line: 对账单
 * in the daily group (the register, batch and code lookup).
 */
import { IconFileInvoice } from '@tabler/icons-react';
import type { RouteDef } from '../../shell/routes';
import { StatementsPage } from './StatementsPage';

export const statementRoutes: RouteDef[] = [
  { pattern: '/statements', component: StatementsPage, nav: { label: 'statements.nav.statements', icon: IconFileInvoice, group: 'daily' } },
];
