/**
 * The 往来账 tab of the customer card: the customer's ledger, plus shortcuts
 * to enter a shipment or a receipt for this customer (the entry screen opens
 * with the customer chosen).
 */
import { Button, Group, Stack } from '@mantine/core';
import { IconCash, IconTruckDelivery } from '@tabler/icons-react';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { CustomerLedgerView } from './CustomerLedgerView';

export function CustomerLedgerTab({ customerId, readOnly }: { customerId: string; readOnly?: boolean }) {
  const t = useT();
  return (
    <Stack gap="sm">
      {!readOnly && (
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconTruckDelivery size={15} />}
            onClick={() => navigate(`/ledger/entry?customer=${customerId}&kind=invoice`)}
          >
            {t('ledger.tab.newInvoice')}
          </Button>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconCash size={15} />}
            onClick={() => navigate(`/ledger/entry?customer=${customerId}&kind=receipt`)}
          >
            {t('ledger.tab.newReceipt')}
          </Button>
        </Group>
      )}
      <CustomerLedgerView customerId={customerId} height="calc(100vh - 460px)" />
    </Stack>
  );
}
