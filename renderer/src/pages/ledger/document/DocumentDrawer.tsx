/**
 * One document, opened from any ledger list (row click): what it is, its
 * 核销 in both directions, the contract's progress for an invoice against a
 * contract, and the actions a posted document allows: 作废 (a void with a
 * reason; nothing is edited or deleted) and, on an invoice, its VAT invoice.
 */
import { Alert, Anchor, Badge, Button, Divider, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconFileInvoice, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiQuery } from '../../../api/hooks';
import { useT } from '../../../i18n/I18nProvider';
import { ContractProgressPanel } from '../ContractProgressPanel';
import { KIND_COLORS, useLedgerLabels } from '../labels';
import { VatInvoiceDialog, type VatTarget } from '../VatInvoiceDialog';
import { AllocationsTable } from './AllocationsTable';
import { DocumentFacts } from './DocumentFacts';
import { VoidDialog } from './VoidDialog';

export interface DocumentDrawerProps {
  docId: string | null;
  onClose(): void;
  /** Following a link inside the drawer (an allocation, the void) shows that document instead. */
  onOpen(docId: string): void;
}

export function DocumentDrawer({ docId, onClose, onOpen }: DocumentDrawerProps) {
  return (
    <Drawer opened={docId !== null} onClose={onClose} position="right" size="xl" title={null} data-testid="document-drawer">
      {docId && <DocumentBody key={docId} id={docId} onOpen={onOpen} />}
    </Drawer>
  );
}

function DocumentBody({ id, onOpen }: { id: string; onOpen(docId: string): void }) {
  const t = useT();
  const labels = useLedgerLabels();
  const q = useApiQuery('ledger.document', { id });
  const [voiding, setVoiding] = useState(false);
  const [vat, setVat] = useState<VatTarget | null>(null);
  if (q.error) return <Alert color="orange">{q.error.message}</Alert>;
  const doc = q.data;
  if (!doc) return <Loader size="sm" />;

  const canVoid = doc.kind !== 'void' && doc.voidedBy === null;
  const canVat = doc.kind === 'invoice' && doc.voidedBy === null;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Group gap="xs">
          <Badge tt="none" size="lg" variant="light" color={KIND_COLORS[doc.kind]}>
            {labels.kind(doc.kind)}
          </Badge>
          <Title order={4} ff="monospace" td={doc.voidedBy ? 'line-through' : undefined} data-testid="drawer-doc-no">
            {doc.docNo}
          </Title>
          {doc.voidedBy && (
            <Badge tt="none" color="red" variant="outline" data-testid="drawer-voided">
              {t('ledger.drawer.voided')}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          {canVat && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconFileInvoice size={15} />}
              onClick={() =>
                setVat({
                  docId: doc.id,
                  docNo: doc.docNo,
                  amountFen: doc.amountFen,
                  customerName: doc.customer.name,
                  vatInvoiceNo: doc.vatInvoiceNo,
                  vatInvoiceDate: doc.vatInvoiceDate,
                })
              }
            >
              {doc.vatInvoiceNo ? t('ledger.vat.change') : t('ledger.vat.record')}
            </Button>
          )}
          {canVoid && (
            <Button size="xs" color="red" variant="light" leftSection={<IconTrash size={15} />} onClick={() => setVoiding(true)} data-testid="drawer-void">
              {t('ledger.void.action')}
            </Button>
          )}
        </Group>
      </Group>

      {doc.voidedBy && (
        <Alert color="red" variant="light" py={8}>
          {t('ledger.drawer.voidedBy', { date: doc.voidedBy.date, reason: doc.voidedBy.reason })}{' '}
          <Anchor size="sm" onClick={() => onOpen(doc.voidedBy!.id)}>
            {doc.voidedBy.docNo}
          </Anchor>
        </Alert>
      )}
      {doc.voids && (
        <Alert color="gray" variant="light" py={8}>
          {t('ledger.drawer.voids', { kind: labels.kind(doc.voids.kind), date: doc.voids.date })}{' '}
          <Anchor size="sm" onClick={() => onOpen(doc.voids!.id)}>
            {doc.voids.docNo}
          </Anchor>
        </Alert>
      )}

      <DocumentFacts doc={doc} />

      {doc.kind !== 'void' && (
        <>
          <Divider label={t('ledger.drawer.allocations')} labelPosition="left" />
          <AllocationsTable doc={doc} onOpen={onOpen} />
          {doc.explicitTargets.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('ledger.drawer.explicitTargets', { list: doc.explicitTargets.map((x) => x.debitDocNo).join('、') })}
            </Text>
          )}
        </>
      )}

      {doc.contractId && (
        <>
          <Divider label={t('ledger.drawer.contract')} labelPosition="left" />
          <ContractProgressPanel contractId={doc.contractId} onOpenDocument={onOpen} />
        </>
      )}

      <VoidDialog doc={doc} opened={voiding} onClose={() => setVoiding(false)} />
      <VatInvoiceDialog target={vat} onClose={() => setVat(null)} />
    </Stack>
  );
}
