/** 往来明细 as its own page: pick a customer (pinyin works), see their ledger. */
import { Group, Stack } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { CustomerPicker } from '../../components/CustomerPicker';
import { EmptyState } from '../../components/EmptyState';
import { useSessionState } from '../../components/useSessionState';
import { useT } from '../../i18n/I18nProvider';
import { CustomerLedgerView } from './CustomerLedgerView';
import { hashQuery } from './hashQuery';

export function AccountsView() {
  const t = useT();
  const [customerId, setCustomerId] = useSessionState<string | null>('ledger.accounts.customer', null);
  // A link (`?customer=…`) chooses the customer; the picker then needs no focus (its dropdown would cover the page).
  const [linked] = useState(() => hashQuery('customer'));
  useEffect(() => {
    if (linked) setCustomerId(linked);
  }, []);
  return (
    <Stack gap="sm">
      <Group>
        <CustomerPicker
          w={420}
          value={customerId}
          onChange={(id) => id && setCustomerId(id)}
          aria-label={t('ledger.field.customer')}
          autoFocus={!customerId && !linked}
          data-testid="accounts-customer"
        />
      </Group>
      {customerId ? (
        <CustomerLedgerView key={customerId} customerId={customerId} />
      ) : (
        <EmptyState icon={IconListDetails} title={t('ledger.view.pickTitle')} description={t('ledger.view.pickBody')} />
      )}
    </Stack>
  );
}
