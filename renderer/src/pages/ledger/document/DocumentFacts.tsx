/** The fields of one document as label/value rows, only those that apply to its kind. */
import { Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ArDocumentDetail } from '../../../../../shared/api/ledger';
import { Money } from '../../../components/Money';
import { useT } from '../../../i18n/I18nProvider';
import { navigate } from '../../../shell/router';
import { useLedgerLabels } from '../labels';
import { dateTimeOf } from '../../../components/dateText';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {children}
      </Text>
    </Stack>
  );
}

export function DocumentFacts({ doc }: { doc: ArDocumentDetail }) {
  const t = useT();
  const labels = useLedgerLabels();
  const facts: [string, ReactNode][] = [
    [
      t('ledger.field.customer'),
      <Anchor size="sm" onClick={() => navigate(`/customers/${doc.customer.id}?tab=ledger`)}>
        {doc.customer.code} {doc.customer.name}
      </Anchor>,
    ],
    [t('ledger.field.date'), doc.date],
    [t('ledger.field.amount'), <Money fen={doc.amountFen} strong />],
  ];
  if (doc.dueOn) facts.push([t('ledger.field.dueOn'), doc.dueOn]);
  if (doc.openFen !== null) facts.push([t('ledger.col.open'), <Money fen={doc.openFen} />]);
  if (doc.unappliedFen !== null) facts.push([t('ledger.summary.unapplied'), <Money fen={doc.unappliedFen} />]);
  if (doc.method) facts.push([t('ledger.field.method'), labels.method(doc.method)]);
  if (doc.reference) facts.push([t('ledger.field.reference'), doc.reference]);
  if (doc.billNo) facts.push([t('ledger.field.billNo'), doc.billNo]);
  if (doc.billMaturityOn) facts.push([t('ledger.field.billMaturityOn'), doc.billMaturityOn]);
  if (doc.noteType) facts.push([t('ledger.field.noteType'), labels.noteType(doc.noteType)]);
  if (doc.kind === 'invoice') {
    facts.push([t('ledger.field.vatInvoiceNo'), doc.vatInvoiceNo || <Text span size="sm" c="orange">{t('ledger.vat.none')}</Text>]);
    if (doc.vatInvoiceDate) facts.push([t('ledger.field.vatInvoiceDate'), doc.vatInvoiceDate]);
  }
  if (doc.contractNo) facts.push([t('ledger.field.contract'), doc.contractNo]);
  if (doc.voidReason) facts.push([t('ledger.void.reason'), doc.voidReason]);
  facts.push([t('ledger.field.createdBy'), `${doc.createdBy} · ${dateTimeOf(doc.createdAt)}`]);
  if (doc.importBatchId) facts.push([t('ledger.field.source'), t('ledger.field.imported')]);

  return (
    <Stack gap="sm">
      <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs" data-testid="document-facts">
        {facts.map(([label, value]) => (
          <Fact key={label} label={label}>
            {value}
          </Fact>
        ))}
      </SimpleGrid>
      {doc.memo && (
        <Fact label={t('ledger.field.memo')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {doc.memo}
          </Text>
        </Fact>
      )}
    </Stack>
  );
}
