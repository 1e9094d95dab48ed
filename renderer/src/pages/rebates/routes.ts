/** The 返利 list, registered in shell/routes.tsx with one line (daily group, after 对账单). */
import { IconDiscount } from '@tabler/icons-react';
import type { RouteDef } from '../../shell/routes';
import { RebateListPage } from './RebateListPage';

export const rebateRoutes: RouteDef[] = [
  { pattern: '/rebates', component: RebateListPage, nav: { label: 'rebates.nav.rebates', icon: IconDiscount, group: 'daily' } },
];
