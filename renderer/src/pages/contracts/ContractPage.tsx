/**
 * /contracts/:id — one contract: the header (who, how much, when, status and
 * what can be done), then tabs for the lines, the payment schedule, the
 * terms, the signed copies, the invoicing/collection progress and the
 * history. `?tab=attachments` opens a tab directly.
 */
import { Alert, Badge, Loader, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import type { ContractDetail } from '../../../../shared/api/contracts';
import { useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n/I18nProvider';
import { AttachmentsTab } from './AttachmentsTab';
import { BackLink } from './BackLink';
import { ContractHeader } from './ContractHeader';
import { ContractHistoryTab } from './ContractHistoryTab';
import { InstallmentsTable } from './InstallmentsTable';
import { LinesTable } from './LinesTable';
import { ProgressTab } from './ProgressTab';
import { TermsTab } from './TermsTab';
import { ContractRebatesTab } from '../rebates/ContractRebatesTab';

const TABS = ['lines', 'installments', 'terms', 'attachments', 'progress', 'rebates', 'history'] as const;
type Tab = (typeof TABS)[number];

const tabFromHash = (): Tab => {
  const tab = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('tab') ?? '';
  return (TABS as readonly string[]).includes(tab) ? (tab as Tab) : 'lines';
};

/** Keyed by id: going from one contract to another starts on a fresh page. */
export function ContractPage({ params }: { params: Record<string, string> }) {
  return <ContractView key={params.id} id={params.id} />;
}

const count = (n: number) =>
  n ? (
    <Badge tt="none" size="xs" variant="light" circle>
      {n}
    </Badge>
  ) : undefined;

function ContractView({ id }: { id: string }) {
  const t = useT();
  const contract = useApiQuery('contracts.get', { id }, { retry: false });
  const [tab, setTab] = useState<Tab>(tabFromHash);

  if (contract.error) {
    return (
      <Stack gap="sm" maw={720}>
        <BackLink />
        <Alert color="orange">{contract.error.code === 'not_found' ? t('contracts.page.notFound') : contract.error.message}</Alert>
      </Stack>
    );
  }
  const c: ContractDetail | undefined = contract.data;
  if (!c) return <Loader size="sm" />;
  const attachments = c.attachments.filter((a) => a.removedAt === null).length;

  return (
    <Stack gap="sm" maw={1180}>
      <BackLink />
      <ContractHeader contract={c} />
      <Tabs value={tab} onChange={(v) => setTab((v as Tab | null) ?? 'lines')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="lines" rightSection={count(c.lines.length)}>
            {t('contracts.page.tabLines')}
          </Tabs.Tab>
          <Tabs.Tab value="installments" rightSection={count(c.installments.length)}>
            {t('contracts.page.tabInstallments')}
          </Tabs.Tab>
          <Tabs.Tab value="terms">{t('contracts.page.tabTerms')}</Tabs.Tab>
          <Tabs.Tab value="attachments" rightSection={count(attachments)}>
            {t('contracts.page.tabAttachments')}
          </Tabs.Tab>
          <Tabs.Tab value="progress">{t('contracts.page.tabProgress')}</Tabs.Tab>
          <Tabs.Tab value="rebates" data-testid="tab-rebates">{t('rebates.tab.title')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('contracts.page.tabHistory')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="lines" pt="sm">
          <LinesTable contract={c} />
        </Tabs.Panel>
        <Tabs.Panel value="installments" pt="sm">
          <InstallmentsTable contract={c} />
        </Tabs.Panel>
        <Tabs.Panel value="terms" pt="sm">
          <TermsTab contract={c} />
        </Tabs.Panel>
        <Tabs.Panel value="attachments" pt="sm">
          <AttachmentsTab contract={c} />
        </Tabs.Panel>
        <Tabs.Panel value="progress" pt="sm">
          <ProgressTab contractId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="rebates" pt="sm">
          <ContractRebatesTab contract={c} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="sm">
          <ContractHistoryTab contractId={c.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
