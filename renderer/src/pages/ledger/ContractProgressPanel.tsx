/**
 * How far a contract has got in money (ledger.contractProgress): its amount,
 * what has been invoiced against it, received (receipts allocated to those
 * invoices), credited, still outstanding, and not yet invoiced; each
 * installment against what was invoiced and received for it; the invoices.
 * Mounted on the contract page and in the ledger's document drawer.
 */
import { Anchor, Group, Loader, Paper, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useApiQuery } from '../../api/hooks';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';

export interface ContractProgressPanelProps {
  contractId: string;
  /** Row click on an invoice (e.g. open it in the document drawer); without it the numbers are plain text. */
  onOpenDocument?(docId: string): void;
}

function Stat({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="md" fw={600} component="div">
        {children}
      </Text>
    </Stack>
  );
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.min(100, (part / whole) * 100) : 0);

export function ContractProgressPanel({ contractId, onOpenDocument }: ContractProgressPanelProps) {
  const t = useT();
  const q = useApiQuery('ledger.contractProgress', { contractId });
  if (q.error) return <Text size="sm" c="red">{q.error.message}</Text>;
  const p = q.data;
  if (!p) return <Loader size="sm" />;

  return (
    <Paper withBorder p="sm" data-testid="contract-progress">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            {t('ledger.progress.title', { contractNo: p.contractNo })}
          </Text>
          <Text size="xs" c="dimmed">
            {p.customer.code} {p.customer.name}
          </Text>
        </Group>
        <SimpleGrid cols={5} spacing="sm">
          <Stat label={t('ledger.progress.amount')}>
            <Money fen={p.amountFen} />
          </Stat>
          <Stat label={t('ledger.progress.invoiced')} testId="progress-invoiced">
            <Money fen={p.invoicedFen} />
          </Stat>
          <Stat label={t('ledger.progress.received')} testId="progress-received">
            <Money fen={p.receivedFen} />
          </Stat>
          <Stat label={t('ledger.progress.outstanding')} testId="progress-outstanding">
            <Money fen={p.outstandingFen} />
          </Stat>
          <Stat label={t('ledger.progress.notInvoiced')} testId="progress-not-invoiced">
            <Money fen={p.notInvoicedFen} />
          </Stat>
        </SimpleGrid>
        {p.creditedFen > 0 && (
          <Text size="xs" c="dimmed">
            {t('ledger.progress.credited')} <Money fen={p.creditedFen} />
          </Text>
        )}
        {/* One bar: received, then invoiced but still open, against the contract amount. */}
        <Progress.Root size="md" aria-label={t('ledger.progress.bar')}>
          <Progress.Section value={pct(p.receivedFen + p.creditedFen, p.amountFen)} color="teal" />
          <Progress.Section value={pct(p.outstandingFen, p.amountFen)} color="indigo" />
        </Progress.Root>
        <Group gap="md">
          <Text size="xs" c="teal.8">
            ■ {t('ledger.progress.legendReceived')}
          </Text>
          <Text size="xs" c="indigo">
            ■ {t('ledger.progress.legendOpen')}
          </Text>
          <Text size="xs" c="dimmed">
            □ {t('ledger.progress.legendNotInvoiced')}
          </Text>
        </Group>

        {p.installments.length > 0 && (
          <Table withTableBorder verticalSpacing={3} fz="sm" data-testid="progress-installments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ledger.progress.installment')}</Table.Th>
                <Table.Th>{t('ledger.col.dueOn')}</Table.Th>
                <Table.Th ta="right">{t('ledger.col.amount')}</Table.Th>
                <Table.Th ta="right">{t('ledger.progress.invoiced')}</Table.Th>
                <Table.Th ta="right">{t('ledger.progress.received')}</Table.Th>
                <Table.Th ta="right">{t('ledger.progress.outstanding')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.installments.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    {i.seq}. {i.label}
                  </Table.Td>
                  <Table.Td className="amount" style={{ textAlign: 'left' }}>
                    {i.dueOn ?? ''}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money fen={i.amountFen} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money fen={i.invoicedFen} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money fen={i.receivedFen} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money fen={i.outstandingFen} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}

        {p.invoices.length > 0 ? (
          <Table withTableBorder verticalSpacing={3} fz="sm" data-testid="progress-invoices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ledger.col.docNo')}</Table.Th>
                <Table.Th>{t('ledger.col.date')}</Table.Th>
                <Table.Th>{t('ledger.col.dueOn')}</Table.Th>
                <Table.Th ta="right">{t('ledger.col.amount')}</Table.Th>
                <Table.Th ta="right">{t('ledger.col.open')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.invoices.map((inv) => (
                <Table.Tr key={inv.id}>
                  <Table.Td ff="monospace">
                    {onOpenDocument ? <Anchor size="sm" onClick={() => onOpenDocument(inv.id)}>{inv.docNo}</Anchor> : inv.docNo}
                  </Table.Td>
                  <Table.Td className="amount" style={{ textAlign: 'left' }}>
                    {inv.date}
                  </Table.Td>
                  <Table.Td className="amount" style={{ textAlign: 'left' }}>
                    {inv.dueOn ?? ''}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money fen={inv.amountFen} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money fen={inv.openFen} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            {t('ledger.progress.noInvoices')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
