/**
 * An invoice that would take the customer over the credit limit (§4): the
 * figures (balance, limit, this invoice, new total, over by), then either a
 * reason to post anyway ('warn', the reason goes into the audit log) or, when
 * the setting blocks, only the explanation and a way back to the form.
 */
import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconBan } from '@tabler/icons-react';
import type { CreditLimitCheck } from '../../../../../shared/api/ledger';
import { Money } from '../../../components/Money';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { useT } from '../../../i18n/I18nProvider';

export const isCreditLimitCheck = (v: unknown): v is CreditLimitCheck =>
  typeof v === 'object' && v !== null && typeof (v as CreditLimitCheck).limitFen === 'number' && typeof (v as CreditLimitCheck).mode === 'string';

function Figures({ check, customerName }: { check: CreditLimitCheck; customerName: string }) {
  const t = useT();
  const row = (label: string, fen: number, strong?: boolean, danger?: boolean) => (
    <Table.Tr>
      <Table.Td c="dimmed">{label}</Table.Td>
      <Table.Td ta="right">
        <Money fen={fen} strong={strong} danger={danger} />
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap={6} data-testid="credit-limit-figures">
      <Text size="sm">{t('ledger.credit.intro', { name: customerName })}</Text>
      <Table withRowBorders={false} verticalSpacing={2} fz="sm" maw={360}>
        <Table.Tbody>
          {row(t('ledger.credit.balance'), check.balanceFen)}
          {row(t('ledger.credit.added'), check.addedFen)}
          {row(t('ledger.credit.projected'), check.projectedFen, true)}
          {row(t('ledger.credit.limit'), check.limitFen)}
          {row(t('ledger.credit.overBy'), check.overByFen, true, true)}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export interface CreditLimitDialogProps {
  check: CreditLimitCheck | null;
  customerName: string;
  loading: boolean;
  error: string | null;
  onOverride(reason: string): void;
  onClose(): void;
}

export function CreditLimitDialog({ check, customerName, loading, error, onOverride, onClose }: CreditLimitDialogProps) {
  const t = useT();
  if (check && !check.overrideAllowed) {
    return (
      <Modal opened onClose={onClose} title={t('ledger.credit.blockedTitle')} centered data-testid="credit-limit-blocked">
        <Stack gap="sm">
          <Figures check={check} customerName={customerName} />
          <Alert color="red" icon={<IconBan size={18} />}>
            {t('ledger.credit.blocked')}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              {t('ledger.credit.back')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    );
  }
  return (
    <ReasonDialog
      opened={check !== null}
      title={t('ledger.credit.warnTitle')}
      consequence={check ? <Figures check={check} customerName={customerName} /> : null}
      confirmLabel={t('ledger.credit.override')}
      color="orange"
      loading={loading}
      error={error}
      onConfirm={onOverride}
      onClose={onClose}
    />
  );
}
