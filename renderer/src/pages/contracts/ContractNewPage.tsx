/**
 * /contracts/new (optionally ?customer=ID from the customer card): a page,
 * not a modal, because a contract has many fields and lines and a clerk
 * types it in one go from the paper copy. Saved as a draft; activation is a
 * separate, confirmed step on the contract page.
 */
import { Stack, Title } from '@mantine/core';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { BackLink } from './BackLink';
import { ContractEditor } from './ContractEditor';

const customerFromHash = (): string | null => new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('customer');

export function ContractNewPage() {
  const t = useT();
  const customerId = customerFromHash();
  const back = customerId ? `/customers/${customerId}?tab=contracts` : '/contracts';
  return (
    <Stack gap="sm" maw={1180}>
      <BackLink to={back} label={customerId ? t('contracts.page.backToCustomer') : undefined} />
      <Title order={3}>{t('contracts.form.newTitle')}</Title>
      <ContractEditor customerId={customerId} onSaved={(c) => navigate(`/contracts/${c.id}`)} onCancel={() => navigate(back)} />
    </Stack>
  );
}
