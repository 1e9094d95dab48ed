/**
 * The 核销 of one document, seen from its side: a credit lists the invoices
 * it pays, a debit the receipts/credits paying it. Explicit (chosen by hand,
 * or a write-off's target) versus automatic FIFO is marked on each row; a row
 * click opens the other document.
 */
import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { ArDocumentDetail } from '../../../../../shared/api/ledger';
import { Money } from '../../../components/Money';
import { useT } from '../../../i18n/I18nProvider';
import { useLedgerLabels } from '../labels';

export function AllocationsTable({ doc, onOpen }: { doc: ArDocumentDetail; onOpen(docId: string): void }) {
  const t = useT();
  const labels = useLedgerLabels();
  if (doc.allocations.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {doc.side === 'credit' ? t('ledger.drawer.noAllocationsCredit') : t('ledger.drawer.noAllocationsDebit')}
      </Text>
    );
  }
  const isCredit = doc.allocations[0].creditId === doc.id;
  const total = doc.allocations.reduce((s, a) => s + a.amountFen, 0);
  return (
    <Table withTableBorder verticalSpacing={3} fz="sm" data-testid="document-allocations">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{isCredit ? t('ledger.drawer.paysDoc') : t('ledger.drawer.paidByDoc')}</Table.Th>
          <Table.Th>{t('ledger.col.kind')}</Table.Th>
          <Table.Th>{t('ledger.col.date')}</Table.Th>
          <Table.Th>{t('ledger.drawer.allocatedOn')}</Table.Th>
          <Table.Th ta="right">{t('ledger.col.amount')}</Table.Th>
          <Table.Th>{t('ledger.drawer.how')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {doc.allocations.map((a) => {
          const otherId = isCredit ? a.debitId : a.creditId;
          return (
            <Table.Tr key={`${a.creditId}-${a.debitId}-${a.allocatedOn}`}>
              <Table.Td ff="monospace">
                <Anchor size="sm" onClick={() => onOpen(otherId)}>
                  {isCredit ? a.debitDocNo : a.creditDocNo}
                </Anchor>
              </Table.Td>
              <Table.Td>{labels.kind(isCredit ? a.debitKind : a.creditKind)}</Table.Td>
              <Table.Td className="amount" style={{ textAlign: 'left' }}>
                {isCredit ? a.debitDate : a.creditDate}
              </Table.Td>
              <Table.Td className="amount" style={{ textAlign: 'left' }}>
                {a.allocatedOn}
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={a.amountFen} />
              </Table.Td>
              <Table.Td>
                <Badge tt="none" size="sm" variant="light" color={a.explicit ? 'orange' : 'gray'}>
                  {a.explicit ? t('ledger.drawer.explicit') : t('ledger.drawer.automatic')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th colSpan={4}>{t('ui.table.total')}</Table.Th>
          <Table.Th ta="right">
            <Money fen={total} strong />
          </Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
