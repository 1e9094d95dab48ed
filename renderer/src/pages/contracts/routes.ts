/** The contract screens, registered in shell/routes.tsx with one line (合同 in the records group, after 客户). */
import { IconFileText } from '@tabler/icons-react';
import type { RouteDef } from '../../shell/routes';
import { ContractEditPage } from './ContractEditPage';
import { ContractListPage } from './ContractListPage';
import { ContractNewPage } from './ContractNewPage';
import { ContractPage } from './ContractPage';

export const contractRoutes: RouteDef[] = [
  { pattern: '/contracts', component: ContractListPage, nav: { label: 'contracts.nav.contracts', icon: IconFileText, group: 'records' } },
  // Before '/contracts/:id', which would otherwise take "new" for an id.
  { pattern: '/contracts/new', component: ContractNewPage },
  { pattern: '/contracts/:id', component: ContractPage },
  { pattern: '/contracts/:id/edit', component: ContractEditPage },
];
