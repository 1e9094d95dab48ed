/**
 * A customer's contacts: the people a clerk calls to reconcile and collect.
 * One is primary (shown in the list and on statements); adding and editing
 * is a short modal, the mobile number is checked as a mainland mobile.
 */
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconAddressBook, IconPlus, IconStar } from '@tabler/icons-react';
import { useState } from 'react';
import type { Contact, CustomerDetail } from '../../../../shared/api/customers';
import { useApiMutation } from '../../api/hooks';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { notifyError, notifySuccess } from '../../components/notify';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useT } from '../../i18n/I18nProvider';
import { ContactFormModal } from './ContactFormModal';

export function ContactsTab({ customer }: { customer: CustomerDetail }) {
  const t = useT();
  const setPrimary = useApiMutation('contacts.setPrimary');
  const remove = useApiMutation('contacts.delete');
  // undefined = closed, null = adding, a contact = editing it.
  const [editing, setEditing] = useState<Contact | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  const readOnly = Boolean(customer.archivedAt);
  const contacts = customer.contacts;

  const makePrimary = async (c: Contact) => {
    try {
      await setPrimary.mutateAsync({ id: c.id });
    } catch (e) {
      notifyError(t('common.saveFailed'), e);
    }
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      await remove.mutateAsync({ id: deleting.id });
      notifySuccess(t('customers.contacts.deleted'));
      setDeleting(null);
    } catch (e) {
      notifyError(t('common.saveFailed'), e);
    }
  };

  const columns: DataColumn<Contact>[] = [
    {
      key: 'name',
      header: t('customers.contacts.name'),
      width: 'minmax(120px, 1fr)',
      cell: (c) => (
        <Group gap={6} wrap="nowrap">
          <Text span size="sm" fw={c.isPrimary ? 600 : undefined}>
            {c.name}
          </Text>
          {c.isPrimary && (
            <Badge tt="none" size="xs" variant="light" leftSection={<IconStar size={10} />}>
              {t('customers.contacts.primary')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'title', header: t('customers.contacts.title'), width: 100, cell: (c) => c.title },
    { key: 'mobile', header: t('customers.contacts.mobile'), width: 120, cell: (c) => c.mobile },
    { key: 'phone', header: t('customers.contacts.phone'), width: 170, cell: (c) => c.phone },
    { key: 'email', header: t('customers.contacts.email'), width: 'minmax(160px, 1fr)', cell: (c) => c.email },
    { key: 'wechat', header: t('customers.contacts.wechat'), width: 110, cell: (c) => c.wechat },
    {
      key: 'actions',
      header: '',
      width: 210,
      align: 'right',
      cell: (c) =>
        readOnly ? null : (
          <Group gap={4} justify="flex-end" wrap="nowrap" onClick={(e) => e.stopPropagation()}>
            {!c.isPrimary && (
              <Button size="compact-xs" variant="subtle" onClick={() => void makePrimary(c)}>
                {t('customers.contacts.setPrimary')}
              </Button>
            )}
            <Button size="compact-xs" variant="subtle" onClick={() => setEditing(c)}>
              {t('customers.contacts.edit')}
            </Button>
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => setDeleting(c)}>
              {t('customers.contacts.delete')}
            </Button>
          </Group>
        ),
    },
  ];

  return (
    <Stack gap="sm">
      {!readOnly && contacts.length > 0 && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="contact-add">
            {t('customers.contacts.add')}
          </Button>
        </Group>
      )}
      <DataTable
        rows={contacts}
        columns={columns}
        rowKey={(c) => c.id}
        height={contacts.length ? Math.min(420, 38 + contacts.length * 36) : 'auto'}
        rowHeight={36}
        onRowClick={readOnly ? undefined : (c) => setEditing(c)}
        empty={
          <EmptyState
            compact
            icon={IconAddressBook}
            title={t('customers.contacts.emptyTitle')}
            description={t('customers.contacts.emptyBody')}
            actions={
              readOnly ? undefined : (
                <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="contact-add">
                  {t('customers.contacts.add')}
                </Button>
              )
            }
          />
        }
        data-testid="contacts-table"
      />
      <ContactFormModal
        opened={editing !== undefined}
        customerId={customer.id}
        contact={editing ?? null}
        firstContact={contacts.length === 0}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          notifySuccess(t('customers.contacts.saved'));
          setEditing(undefined);
        }}
      />
      <ReasonDialog
        opened={deleting !== null}
        withReason={false}
        title={t('customers.contacts.deleteTitle')}
        consequence={t('customers.contacts.deleteConsequence', { name: deleting?.name ?? '' })}
        confirmLabel={t('customers.contacts.delete')}
        loading={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
