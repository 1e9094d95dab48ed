import type { Messages } from './zh-CN';
import { uiEn } from './areas/ui';
import { customersEn } from './areas/customers';
import { ledgerEn } from './areas/ledger';
import { contractsEn } from './areas/contracts';
import { alertsEn } from './areas/alerts';
import { statementsEn } from './areas/statements';
import { agingEn } from './areas/aging';
import { backupEn } from './areas/backup';
import { evaluationEn } from './areas/evaluation';
import { authEn } from './areas/auth';
import { syncEn } from './areas/sync';
import { deskEn } from './areas/desk';
import { rebatesEn } from './areas/rebates';

/** English catalogue; must cover every key of zh-CN (the type enforces it). */
export const en: Messages = {
  app: {
    name: 'DealerDesk',
    productName: 'DealerDesk',
    loading: 'Loading…',
    language: 'Language',
    switchToEnglish: 'English',
    switchToChinese: '中文',
  },
  nav: {
    groupDaily: 'Daily',
    groupRecords: 'Records',
    groupSystem: 'System',
    settings: 'Settings',
  },
  common: {
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    saved: 'Saved',
    saveFailed: 'Save failed',
    reset: 'Revert',
    retry: 'Retry',
    unsavedHint: 'Unsaved changes',
    lastSaved: 'Last saved: {at}',
    neverSaved: 'Not saved yet',
    required: 'Required',
  },
  settings: {
    title: 'Settings',
    companyTab: 'Company profile',
    updatesTab: 'Updates',
    updatesIntro: 'The HTTPS address (https://…) of the LAN web server that publishes DealerDesk updates; plain http is not accepted. Empty = never check. Checking never delays start-up.',
    updatesUrl: 'Update address',
    companyIntro: 'Printed in the letterhead and payment details of statements.',
    letterheadPreview: 'Statement letterhead preview',
    letterheadPreviewHint: 'Exactly the letterhead statements print, updated as you type (takes effect once saved).',
    companyName: 'Company name',
    shortName: 'Short name',
    shortNameHint: 'Shown at the top of the window',
    address: 'Address',
    phone: 'Phone',
    taxId: 'Unified social credit code',
    taxIdHint: '18 characters; the check character is verified',
    bankName: 'Bank',
    bankAccount: 'Bank account',
    logo: 'Logo',
    logoHint: 'PNG or JPG up to 2 MB, printed on statements',
    logoChoose: 'Choose image…',
    logoRemove: 'Remove logo',
    logoNone: 'No logo',
    logoSaved: 'Logo updated',
  },
  ui: uiEn,
  customers: customersEn,
  ledger: ledgerEn,
  contracts: contractsEn,
  alerts: alertsEn,
  statements: statementsEn,
  auth: authEn,
  aging: agingEn,
  backup: backupEn,
  evaluation: evaluationEn,
  sync: syncEn,
  desk: deskEn,
  rebates: rebatesEn,
  errors: {
    boundaryTitle: 'Something went wrong',
    boundaryBody: 'This page hit an unexpected error; unsaved input may need to be entered again. Error:',
    boundaryReload: 'Reload',
    dbTitle: 'The database cannot be opened',
    dbBody: 'The database file may be damaged or unreadable. No new empty database was created; your data is where it was.',
    dbFile: 'Database file',
    dbReason: 'Reason',
    dbBackups: 'Available backups',
    dbRestore: 'Restore this backup',
    dbLatest: 'latest',
    dbNoBackups: 'No backups found. Contact support and do not delete the database file.',
    dbRestored: 'Restored from backup',
    connection: 'Cannot reach the application service',
  },
};
