/**
 * /customers/:id — the customer card: a header with who the customer is and
 * what can be done (edit, archive/restore with a reason), and tabs for the
 * profile, contacts, interactions and the audit history. Later issues add
 * contracts, ledger and statements tabs here.
 */
import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconChevronLeft, IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { CustomerContractsTab } from '../contracts/CustomerContractsTab';
import { CustomerLedgerTab } from '../ledger/CustomerLedgerTab';
import { CustomerStatementsTab } from '../statements/CustomerStatementsTab';
import { EvaluationTab } from '../evaluation/EvaluationTab';
import { ContactsTab } from './ContactsTab';
import { CustomerForm } from './CustomerForm';
import { HistoryTab } from './HistoryTab';
import { InteractionsTab } from './InteractionsTab';
import { STATUS_COLORS, useCustomerLabels } from './labels';
import { ProfileView } from './ProfileView';
import { CustomerMoneyStrip } from './CustomerMoneyStrip';
import { dateOf } from '../../components/dateText';

const TABS = ['profile', 'contacts', 'interactions', 'contracts', 'ledger', 'statements', 'evaluation', 'history'] as const;
type Tab = (typeof TABS)[number];

/** `#/customers/ID?tab=interactions` opens a tab directly (links from the calendar). */
const tabFromHash = (): Tab => {
  const q = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  const tab = q.get('tab');
  return (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'profile';
};

/** Keyed by id: going from one customer to another starts on a fresh card (tab, edit mode). */
export function CustomerCardPage({ params }: { params: Record<string, string> }) {
  return <CustomerCard key={params.id} id={params.id} />;
}

function CustomerCard({ id }: { id: string }) {
  const t = useT();
  const labels = useCustomerLabels();
  const customer = useApiQuery('customers.get', { id }, { retry: false });
  const defaults = useApiQuery('customers.defaults', {});
  const archive = useApiMutation('customers.archive');
  const restore = useApiMutation('customers.restore');
  const [tab, setTab] = useState<Tab>(tabFromHash);
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<'archive' | 'restore' | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);

  const back = (
    <Anchor size="sm" onClick={() => navigate('/customers')} w="fit-content">
      <Group gap={2}>
        <IconChevronLeft size={14} />
        <Text span size="sm">
          {t('customers.card.back')}
        </Text>
      </Group>
    </Anchor>
  );

  if (customer.error) {
    return (
      <Stack gap="sm" maw={720}>
        {back}
        <Alert color="orange">{customer.error.code === 'not_found' ? t('customers.card.notFound') : customer.error.message}</Alert>
      </Stack>
    );
  }
  const c = customer.data;
  if (!c) return <Loader size="sm" />;

  const confirmDialog = async (reason: string) => {
    setDialogError(null);
    try {
      if (dialog === 'archive') {
        await archive.mutateAsync({ id, reason });
        notifySuccess(t('customers.card.archivedNotice'));
      } else {
        await restore.mutateAsync({ id, reason });
        notifySuccess(t('customers.card.restoredNotice'));
      }
      setDialog(null);
    } catch (e) {
      setDialogError(e instanceof Error ? e.message : String(e));
    }
  };

  const subtitle = [c.shortName, c.region, c.salesperson].filter(Boolean).join(' · ');

  return (
    <Stack gap="sm" maw={1180}>
      {back}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs" wrap="nowrap">
            <Text ff="monospace" c="dimmed" size="lg">
              {c.code}
            </Text>
            <Title order={3} data-testid="customer-title">
              {c.name}
            </Title>
            {c.grade && (
              <Badge tt="none" variant="filled" color="indigo" size="md">
                {c.grade}
              </Badge>
            )}
            {c.kind && (
              <Badge tt="none" variant="light" color="gray" size="md">
                {labels.kind(c.kind)}
              </Badge>
            )}
            <Badge tt="none" variant="light" color={STATUS_COLORS[c.status]} size="md">
              {labels.status(c.status)}
            </Badge>
            {c.archivedAt && (
              <Badge tt="none" variant="outline" color="orange" size="md">
                {t('customers.field.archived')}
              </Badge>
            )}
          </Group>
          {subtitle && (
            <Text size="sm" c="dimmed">
              {subtitle}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {!editing && !c.archivedAt && (
            <Button
              variant="default"
              leftSection={<IconEdit size={16} />}
              onClick={() => {
                setTab('profile');
                setEditing(true);
              }}
            >
              {t('customers.card.edit')}
            </Button>
          )}
          {c.archivedAt ? (
            <Button variant="light" leftSection={<IconArchiveOff size={16} />} onClick={() => setDialog('restore')}>
              {t('customers.card.restore')}
            </Button>
          ) : (
            <Button variant="subtle" color="orange" leftSection={<IconArchive size={16} />} onClick={() => setDialog('archive')}>
              {t('customers.card.archive')}
            </Button>
          )}
        </Group>
      </Group>

      {c.archivedAt && (
        <Alert color="orange" variant="light" py={8}>
          {t('customers.card.archivedBanner', { date: dateOf(c.archivedAt) })}
        </Alert>
      )}

      <CustomerMoneyStrip customerId={c.id} onOpenLedger={() => setTab('ledger')} />
      <Tabs value={tab} onChange={(v) => setTab((v as Tab | null) ?? 'profile')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="profile">{t('customers.card.tabProfile')}</Tabs.Tab>
          <Tabs.Tab
            value="contacts"
            rightSection={
              c.contacts.length ? (
                <Badge tt="none" size="xs" variant="light" circle>
                  {c.contacts.length}
                </Badge>
              ) : undefined
            }
          >
            {t('customers.card.tabContacts')}
          </Tabs.Tab>
          <Tabs.Tab value="interactions">{t('customers.card.tabInteractions')}</Tabs.Tab>
          <Tabs.Tab value="contracts">{t('contracts.nav.contracts')}</Tabs.Tab>
          <Tabs.Tab value="ledger">{t('ledger.tab.title')}</Tabs.Tab>
          <Tabs.Tab value="statements">{t('statements.nav.statements')}</Tabs.Tab>
          <Tabs.Tab value="evaluation">{t('evaluation.card.tab')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('customers.card.tabHistory')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="profile" pt="sm">
          {editing && defaults.data ? (
            <CustomerForm
              customer={c}
              defaults={defaults.data}
              onSaved={() => setEditing(false)}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <ProfileView customer={c} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="contacts" pt="sm">
          <ContactsTab customer={c} />
        </Tabs.Panel>
        <Tabs.Panel value="interactions" pt="sm">
          <InteractionsTab customerId={c.id} readOnly={Boolean(c.archivedAt)} />
        </Tabs.Panel>
        <Tabs.Panel value="contracts" pt="sm">
          <CustomerContractsTab customerId={c.id} readOnly={Boolean(c.archivedAt)} />
        </Tabs.Panel>
        <Tabs.Panel value="ledger" pt="sm">
          <CustomerLedgerTab customerId={c.id} readOnly={Boolean(c.archivedAt)} />
        </Tabs.Panel>
        <Tabs.Panel value="statements" pt="sm">
          <CustomerStatementsTab customerId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="evaluation" pt="sm">
          <EvaluationTab customerId={c.id} customerName={c.name} readOnly={Boolean(c.archivedAt)} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="sm">
          <HistoryTab customerId={c.id} />
        </Tabs.Panel>
      </Tabs>

      <ReasonDialog
        opened={dialog !== null}
        title={dialog === 'archive' ? t('customers.card.archiveTitle') : t('customers.card.restoreTitle')}
        consequence={
          dialog === 'archive'
            ? t('customers.card.archiveConsequence', { name: c.name })
            : t('customers.card.restoreConsequence', { name: c.name })
        }
        confirmLabel={dialog === 'archive' ? t('customers.card.archiveConfirm') : t('customers.card.restoreConfirm')}
        color={dialog === 'archive' ? 'orange' : 'indigo'}
        reasonRequired={dialog === 'archive'}
        loading={archive.isPending || restore.isPending}
        error={dialogError}
        onConfirm={(reason) => void confirmDialog(reason)}
        onClose={() => setDialog(null)}
      />
    </Stack>
  );
}
