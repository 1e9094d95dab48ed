/** /contracts/:id/edit — the contract form on a saved contract; what its status locks is shown disabled. */
import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { BackLink } from './BackLink';
import { ContractEditor } from './ContractEditor';

export function ContractEditPage({ params }: { params: Record<string, string> }) {
  const t = useT();
  const contract = useApiQuery('contracts.get', { id: params.id }, { retry: false });
  const back = `/contracts/${params.id}`;
  if (contract.error) {
    return (
      <Stack gap="sm" maw={720}>
        <BackLink />
        <Alert color="orange">{contract.error.code === 'not_found' ? t('contracts.page.notFound') : contract.error.message}</Alert>
      </Stack>
    );
  }
  const c = contract.data;
  if (!c) return <Loader size="sm" />;
  return (
    <Stack gap="sm" maw={1180}>
      <BackLink to={back} label={t('contracts.page.backToContract')} />
      <Group gap="sm" align="baseline">
        <Title order={3}>{t('contracts.form.editTitle')}</Title>
        <Text ff="monospace" c="dimmed">
          {c.contractNo}
        </Text>
      </Group>
      <ContractEditor contract={c} onSaved={() => navigate(back)} onCancel={() => navigate(back)} />
    </Stack>
  );
}
