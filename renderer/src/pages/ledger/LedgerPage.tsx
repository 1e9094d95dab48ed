/**
 * 往来账: one navigation entry, four views as tabs with their own routes
 * (/ledger/entry, /ledger/accounts, /ledger/documents, /ledger/uninvoiced),
 * so other screens can link straight to one and the browser's back works.
 * The daily work (entering the stack of slips) is the default.
 */
import { Stack, Tabs, Title } from '@mantine/core';
import { IconFileDollar, IconFileInvoice, IconListDetails, IconPencilPlus } from '@tabler/icons-react';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { AccountsView } from './AccountsView';
import { DocumentsView } from './DocumentsView';
import { EntryView } from './entry/EntryView';
import { UninvoicedView } from './UninvoicedView';

const TABS = ['entry', 'accounts', 'documents', 'uninvoiced'] as const;
type Tab = (typeof TABS)[number];

export function LedgerPage({ params }: { params: Record<string, string> }) {
  const t = useT();
  const tab: Tab = (TABS as readonly string[]).includes(params.tab ?? '') ? (params.tab as Tab) : 'entry';
  return (
    <Stack gap="sm">
      <Title order={3}>{t('ledger.page.title')}</Title>
      <Tabs value={tab} onChange={(v) => navigate(`/ledger/${v ?? 'entry'}`)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="entry" leftSection={<IconPencilPlus size={15} />}>
            {t('ledger.page.tabEntry')}
          </Tabs.Tab>
          <Tabs.Tab value="accounts" leftSection={<IconListDetails size={15} />}>
            {t('ledger.page.tabAccounts')}
          </Tabs.Tab>
          <Tabs.Tab value="documents" leftSection={<IconFileDollar size={15} />}>
            {t('ledger.page.tabDocuments')}
          </Tabs.Tab>
          <Tabs.Tab value="uninvoiced" leftSection={<IconFileInvoice size={15} />}>
            {t('ledger.page.tabUninvoiced')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="entry" pt="sm">
          <EntryView />
        </Tabs.Panel>
        <Tabs.Panel value="accounts" pt="sm">
          <AccountsView />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="sm">
          <DocumentsView />
        </Tabs.Panel>
        <Tabs.Panel value="uninvoiced" pt="sm">
          <UninvoicedView />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
