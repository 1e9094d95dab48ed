/**
 * The tabs of 设置. Each area adds its settings screen here with one entry,
 * so the page itself never needs editing.
 */
import type { ComponentType } from 'react';
import type { MessageKey } from '../../../../shared/i18n/translate';
import { AgingBucketsTab } from '../aging/AgingBucketsTab';
import { AlertRulesTab } from '../alerts/AlertRulesTab';
import { LedgerSettingsTab } from '../ledger/LedgerSettingsTab';
import { StatementSettingsTab } from '../statements/StatementSettingsTab';
import { SyncSettingsTab } from '../sync/SyncSettingsTab';
import { CompanyTab } from './CompanyTab';
import { UpdateFeedTab } from './UpdateFeedTab';

export interface SettingsTab {
  value: string;
  label: MessageKey;
  component: ComponentType;
}

export const settingsTabs: SettingsTab[] = [
  { value: 'company', label: 'settings.companyTab', component: CompanyTab },
  { value: 'updates', label: 'settings.updatesTab', component: UpdateFeedTab },
  { value: 'ledger', label: 'ledger.settings.title', component: LedgerSettingsTab },
  { value: 'statements', label: 'statements.settings.title', component: StatementSettingsTab },
  { value: 'alerts', label: 'alerts.rules.title', component: AlertRulesTab },
  { value: 'aging', label: 'aging.settings.title', component: AgingBucketsTab },
  { value: 'sync', label: 'sync.tab', component: SyncSettingsTab },
];
