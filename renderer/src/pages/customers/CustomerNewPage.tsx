/** /customers/new: a page, not a modal, because a customer has many fields and a clerk types them in one go. */
import { Anchor, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft } from '@tabler/icons-react';
import { useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { CustomerForm } from './CustomerForm';

export function CustomerNewPage() {
  const t = useT();
  const defaults = useApiQuery('customers.defaults', {}, { staleTime: 0 });
  return (
    <Stack gap="sm" maw={1080}>
      <Group gap={4}>
        <Anchor size="sm" onClick={() => navigate('/customers')}>
          <Group gap={2}>
            <IconChevronLeft size={14} />
            <Text span size="sm">
              {t('customers.card.back')}
            </Text>
          </Group>
        </Anchor>
      </Group>
      <Title order={3}>{t('customers.form.newTitle')}</Title>
      {defaults.data ? (
        <CustomerForm
          defaults={defaults.data}
          onSaved={(c) => navigate(`/customers/${c.id}`)}
          onCancel={() => navigate('/customers')}
        />
      ) : (
        <Loader size="sm" />
      )}
    </Stack>
  );
}
