/**
 * The ledger screens, registered in shell/routes.tsx with one line: one nav
 * entry 往来账 in the daily group; its tabs are routes of their own.
 */
import { IconReportMoney } from '@tabler/icons-react';
import type { RouteDef } from '../../shell/routes';
import { LedgerPage } from './LedgerPage';

export const ledgerRoutes: RouteDef[] = [
  { pattern: '/ledger', component: LedgerPage, nav: { label: 'ledger.nav.ledger', icon: IconReportMoney, group: 'daily' } },
  { pattern: '/ledger/:tab', component: LedgerPage },
];
