/**
 * The tabs of 设置. Each area adds its settings screen here with one entry,
 * so the page itself never needs editing.
 */
import type { ComponentType } from 'react';
import type { MessageKey } from '../../../../shared/i18n/translate';
import type { Permission } from '../../../../shared/auth/roles';
import { AgingBucketsTab } from '../aging/AgingBucketsTab';
import { EvaluationSettingsTab } from '../evaluation/EvaluationSettingsTab';
import { AlertRulesTab } from '../alerts/AlertRulesTab';
import { BackupTab } from '../backup/BackupTab';
import { LedgerSettingsTab } from '../ledger/LedgerSettingsTab';
import { StatementSettingsTab } from '../statements/StatementSettingsTab';
import { PeriodTab } from '../auth/PeriodTab';
import { UsersTab } from '../auth/UsersTab';
import { SyncSettingsTab } from '../sync/SyncSettingsTab';
import { CompanyTab } from './CompanyTab';
import { UpdateFeedTab } from './UpdateFeedTab';

export interface SettingsTab {
  value: string;
  label: MessageKey;
  component: ComponentType;
  /** Hidden from roles without it (issue 13). */
  permission?: Permission;
}

export const settingsTabs: SettingsTab[] = [
  { value: 'company', label: 'settings.companyTab', component: CompanyTab },
  { value: 'updates', label: 'settings.updatesTab', component: UpdateFeedTab },
  { value: 'ledger', label: 'ledger.settings.title', component: LedgerSettingsTab },
  { value: 'statements', label: 'statements.settings.title', component: StatementSettingsTab },
  { value: 'alerts', label: 'alerts.rules.title', component: AlertRulesTab },
  { value: 'aging', label: 'aging.settings.title', component: AgingBucketsTab },
  { value: 'backup', label: 'backup.tab', component: BackupTab },
  { value: 'evaluation', label: 'evaluation.settings.title', component: EvaluationSettingsTab },
  { value: 'users', label: 'auth.users.tab', component: UsersTab, permission: 'users.manage' },
  { value: 'period', label: 'auth.period.tab', component: PeriodTab, permission: 'period.close' },
  { value: 'sync', label: 'sync.tab', component: SyncSettingsTab },
];
