/**
 * The documents behind one amount of the aging report: a customer's open
 * debits in one bucket (or all, with the unapplied credits), as of the
 * report's date and basis. A document number opens the ledger's document
 * drawer; the customer's ledger is one more click.
 */
import { Alert, Anchor, Badge, Button, Drawer, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import type { AgingBasis, AgingOpenItem } from '../../../../shared/api/aging';
import { bucketColors } from '../../../../shared/aging/bucketColors';
import { useApiQuery } from '../../api/hooks';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { useDocumentDrawer } from '../ledger/document/useDocumentDrawer';
import { KIND_COLORS, useLedgerLabels } from '../ledger/labels';
import { useBucketLabel } from './useBucketLabels';

export interface OpenItemsTarget {
  customerId: string;
  asOf: string;
  basis: AgingBasis;
  bucket: number | null;
}

export function OpenItemsDrawer({ target, onClose }: { target: OpenItemsTarget | null; onClose(): void }) {
  const documents = useDocumentDrawer();
  return (
    <>
      <Drawer opened={target !== null} onClose={onClose} position="right" size={860} title={null} data-testid="aging-items">
        {target && <ItemsBody key={`${target.customerId}-${target.bucket}-${target.asOf}-${target.basis}`} target={target} openDocument={documents.open} />}
      </Drawer>
      {documents.drawer}
    </>
  );
}

function DaysText({ item, basis }: { item: AgingOpenItem; basis: AgingBasis }) {
  const t = useT();
  if (basis === 'document') return <Text size="sm">{t('aging.items.daysAgo', { days: item.days })}</Text>;
  if (item.days > 0) return <Text size="sm" c="red.7">{t('aging.items.daysOverdue', { days: item.days })}</Text>;
  if (item.days === 0) return <Text size="sm" c="orange.8">{t('aging.items.dueToday')}</Text>;
  return <Text size="sm" c="dimmed">{t('aging.items.notDue', { days: -item.days })}</Text>;
}

function ItemsBody({ target, openDocument }: { target: OpenItemsTarget; openDocument(id: string): void }) {
  const t = useT();
  const labels = useLedgerLabels();
  const bucketLabel = useBucketLabel();
  const q = useApiQuery('aging.openItems', target);
  if (q.error) return <Alert color="orange">{q.error.message}</Alert>;
  const data = q.data;
  if (!data) return <Loader size="sm" />;
  const bucket = data.bucket === null ? null : data.buckets[data.bucket];
  const color = data.bucket === null ? undefined : bucketColors(data.buckets)[data.bucket];
  const docLink = (id: string, docNo: string) => (
    <Anchor size="sm" ff="monospace" onClick={() => openDocument(id)} data-testid="aging-item-doc">
      {docNo}
    </Anchor>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            {color && <span aria-hidden style={{ width: 12, height: 12, borderRadius: 2, background: color }} />}
            <Title order={4} data-testid="aging-items-title">
              {bucket ? t('aging.items.title', { name: data.customer.name, bucket: bucketLabel(bucket) }) : t('aging.items.titleAll', { name: data.customer.name })}
            </Title>
          </Group>
          <Text size="sm" c="dimmed">
            {data.customer.code} · {t('aging.items.subtitle', { date: data.asOf, basis: t(data.basis === 'due' ? 'aging.basis.due' : 'aging.basis.document') })}
          </Text>
        </Stack>
        <Button variant="default" leftSection={<IconListDetails size={16} />} onClick={() => navigate(`/customers/${data.customer.id}?tab=ledger`)}>
          {t('aging.items.openLedger')}
        </Button>
      </Group>

      {data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('aging.items.none')}
        </Text>
      ) : (
        <Table striped={false} highlightOnHover withTableBorder fz="sm" verticalSpacing={6} data-testid="aging-items-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('aging.items.docNo')}</Table.Th>
              <Table.Th>{t('aging.items.kind')}</Table.Th>
              <Table.Th>{t('aging.items.date')}</Table.Th>
              <Table.Th>{t('aging.items.dueOn')}</Table.Th>
              <Table.Th ta="right">{t('aging.items.amount')}</Table.Th>
              <Table.Th ta="right">{t('aging.items.open')}</Table.Th>
              <Table.Th>{t('aging.items.days')}</Table.Th>
              <Table.Th>{t('aging.items.memo')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((i) => (
              <Table.Tr key={i.debitId}>
                <Table.Td>{docLink(i.debitId, i.docNo)}</Table.Td>
                <Table.Td>
                  <Badge tt="none" variant="light" size="sm" color={KIND_COLORS[i.kind]}>
                    {labels.kind(i.kind)}
                  </Badge>
                </Table.Td>
                <Table.Td ff="monospace">{i.date}</Table.Td>
                <Table.Td ff="monospace">{i.dueOn ?? ''}</Table.Td>
                <Table.Td ta="right">
                  <Money fen={i.amountFen} />
                </Table.Td>
                <Table.Td ta="right">
                  <Money fen={i.openFen} strong />
                </Table.Td>
                <Table.Td>
                  <DaysText item={i} basis={data.basis} />
                </Table.Td>
                <Table.Td maw={200} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={i.memo}>
                  {i.memo}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={5}>{t('aging.items.total')}</Table.Th>
              <Table.Th ta="right">
                <Money fen={data.totalFen} strong />
              </Table.Th>
              <Table.Th colSpan={2} />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}

      {data.credits.length > 0 && (
        <Stack gap={6}>
          <Text fw={600} size="sm">
            {t('aging.items.credits')}
          </Text>
          <Table withTableBorder fz="sm" verticalSpacing={6}>
            <Table.Tbody>
              {data.credits.map((c) => (
                <Table.Tr key={c.creditId}>
                  <Table.Td>{docLink(c.creditId, c.docNo)}</Table.Td>
                  <Table.Td>
                    <Badge tt="none" variant="light" size="sm" color={KIND_COLORS[c.kind]}>
                      {labels.kind(c.kind)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ff="monospace">{c.date}</Table.Td>
                  <Table.Td ta="right">
                    <Money fen={c.amountFen} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money fen={-c.unappliedFen} strong />
                  </Table.Td>
                  <Table.Td>{c.memo}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
