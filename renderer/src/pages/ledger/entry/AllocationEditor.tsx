/**
 * The table under a receipt (or credit note): every invoice still open for
 * the customer at that date, what is open on it, and how much of this
 * document pays it. Pre-filled with the FIFO suggestion; any line can be
 * changed, and the suggestion brought back with one click.
 */
import { Alert, Badge, Button, Group, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { Money } from '../../../components/Money';
import { useT } from '../../../i18n/I18nProvider';
import { useLedgerLabels } from '../labels';
import type { AllocationState } from './useAllocation';

/** More open invoices than anyone allocates by hand: the rest are paid by FIFO anyway. */
const MAX_LINES = 200;

export function AllocationEditor({ state, amountFen, customerId }: { state: AllocationState; amountFen: number | null; customerId: string | null }) {
  const t = useT();
  const labels = useLedgerLabels();
  const { lines, manual } = state;
  if (!customerId || amountFen === null || amountFen <= 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="allocation-hint">
        {t('ledger.alloc.needAmount')}
      </Text>
    );
  }
  if (lines.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="allocation-hint">
        {state.loading ? t('ui.table.loading') : t('ledger.alloc.nothingOpen')}
      </Text>
    );
  }
  const unappliedFen = Math.max(0, amountFen - state.allocatedFen);
  const shown = lines.slice(0, MAX_LINES);
  return (
    <Stack gap={6} data-testid="allocation-editor">
      <Group justify="space-between">
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t('ledger.alloc.title')}
          </Text>
          {manual ? (
            <Badge tt="none" color="orange" variant="light" data-testid="allocation-mode">
              {t('ledger.alloc.manual')}
            </Badge>
          ) : (
            <Badge tt="none" color="gray" variant="light" data-testid="allocation-mode">
              {t('ledger.alloc.auto')}
            </Badge>
          )}
        </Group>
        {manual && (
          <Button size="compact-xs" variant="subtle" leftSection={<IconArrowBackUp size={14} />} onClick={state.backToSuggestion}>
            {t('ledger.alloc.backToSuggestion')}
          </Button>
        )}
      </Group>
      <ScrollArea.Autosize mah={300}>
        <Table striped={false} withTableBorder verticalSpacing={3} fz="sm" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ledger.col.docNo')}</Table.Th>
              <Table.Th>{t('ledger.col.kind')}</Table.Th>
              <Table.Th>{t('ledger.col.date')}</Table.Th>
              <Table.Th>{t('ledger.col.dueOn')}</Table.Th>
              <Table.Th ta="right">{t('ledger.col.amount')}</Table.Th>
              <Table.Th ta="right">{t('ledger.col.open')}</Table.Th>
              <Table.Th ta="right" w={160}>
                {t('ledger.alloc.thisTime')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((l) => (
              <Table.Tr key={l.debitId} data-testid={`alloc-row-${l.docNo}`}>
                <Table.Td ff="monospace">{l.docNo}</Table.Td>
                <Table.Td>{labels.kind(l.kind)}</Table.Td>
                <Table.Td className="amount" style={{ textAlign: 'left' }}>
                  {l.date}
                </Table.Td>
                <Table.Td className="amount" style={{ textAlign: 'left' }}>
                  {l.dueOn ?? ''}
                </Table.Td>
                <Table.Td ta="right">
                  <Money fen={l.amountFen} />
                </Table.Td>
                <Table.Td ta="right">
                  <Money fen={l.openFen} />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    autoComplete="off"
                    inputMode="decimal"
                    leftSection="¥"
                    leftSectionWidth={22}
                    aria-label={t('ledger.alloc.lineLabel', { docNo: l.docNo })}
                    value={state.textOf(l)}
                    onChange={(e) => state.setLine(l.debitId, e.currentTarget.value)}
                    onFocus={(e) => e.currentTarget.select()}
                    error={state.lineErrors[l.debitId]}
                    styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {lines.length > MAX_LINES && (
        <Text size="xs" c="dimmed">
          {t('ledger.alloc.moreLines', { shown: MAX_LINES, total: lines.length })}
        </Text>
      )}
      <Group justify="flex-end" gap="lg">
        <Text size="sm">
          {t('ledger.alloc.allocated')} <Money fen={state.allocatedFen} strong />
        </Text>
        <Text size="sm" data-testid="allocation-unapplied">
          {/* §4 rule 2: money the clerk did not place still pays the earliest-due invoices, then stays 预收. */}
          {manual ? t('ledger.alloc.restFifo') : t('ledger.alloc.unapplied')} <Money fen={unappliedFen} strong />
        </Text>
      </Group>
      {state.totalError && (
        <Alert color="red" py={6} data-testid="allocation-error">
          {state.totalError}
        </Alert>
      )}
    </Stack>
  );
}
