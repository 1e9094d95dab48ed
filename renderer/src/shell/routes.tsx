/**
 * Every screen of the app. An area adds its pages here; navigation shows
 * only screens that exist (no placeholders).
 */
import { IconCalendarWeek, IconHelpCircle, IconPackage, IconSettings, IconUsers } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { MessageKey } from '../../../shared/i18n/translate';
import type { Permission } from '../../../shared/auth/roles';
import { controlRoutes } from '../pages/auth/routes';
import { agingRoutes, homeRoutes } from '../pages/aging/routes';
import { alertRoutes, collectionRoutes } from '../pages/alerts/routes';
import { CalendarPage } from '../pages/calendar/CalendarPage';
import { contractRoutes } from '../pages/contracts/routes';
import { CustomerCardPage } from '../pages/customers/CustomerCardPage';
import { CustomerListPage } from '../pages/customers/CustomerListPage';
import { CustomerNewPage } from '../pages/customers/CustomerNewPage';
import { evaluationDailyRoutes, evaluationRecordRoutes } from '../pages/evaluation/routes';
import { HelpPage } from '../pages/help/HelpPage';
import { OfficeSetupPage } from '../pages/setup/OfficeSetupPage';
import { ledgerRoutes } from '../pages/ledger/routes';
import { ProductsPage } from '../pages/products/ProductsPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { statementRoutes } from '../pages/statements/routes';
import { rebateRoutes } from '../pages/rebates/routes';

export type NavGroup = 'daily' | 'records' | 'system';

export interface RouteDef {
  pattern: string;
  component: ComponentType<{ params: Record<string, string> }>;
  nav?: {
    label: MessageKey;
    icon: ComponentType<{ size?: number; stroke?: number }>;
    group: NavGroup;
    /** Shown at the right of the nav entry (e.g. the active alert count). */
    badge?: ComponentType;
    /** Hidden from roles without it (issue 13). */
    permission?: Permission;
  };
}

export const routes: RouteDef[] = [
  ...homeRoutes,
  ...collectionRoutes,
  { pattern: '/calendar', component: CalendarPage, nav: { label: 'customers.nav.calendar', icon: IconCalendarWeek, group: 'daily' } },
  ...ledgerRoutes,
  ...agingRoutes,
  ...alertRoutes,
  ...statementRoutes,
  ...evaluationDailyRoutes,
  ...rebateRoutes,
  { pattern: '/customers', component: CustomerListPage, nav: { label: 'customers.nav.customers', icon: IconUsers, group: 'records' } },
  { pattern: '/customers/new', component: CustomerNewPage },
  { pattern: '/customers/:id', component: CustomerCardPage },
  ...contractRoutes,
  ...evaluationRecordRoutes,
  { pattern: '/products', component: ProductsPage, nav: { label: 'customers.nav.products', icon: IconPackage, group: 'records' } },
  { pattern: '/settings', component: SettingsPage, nav: { label: 'nav.settings', icon: IconSettings, group: 'system' } },
  ...controlRoutes,
  { pattern: '/setup', component: OfficeSetupPage },
  { pattern: '/help', component: HelpPage, nav: { label: 'desk.help.title', icon: IconHelpCircle, group: 'system' } },
];

/** Where `#/` lands: the dashboard (首页). */
export const HOME_PATH = '/';
