/**
 * 录入单据: the six kinds of slip behind one switch (Alt+1…6), the form of the
 * chosen kind, and beside it what the clerk needs to see while typing: the
 * customer's balance, overdue and credit limit, and their latest documents
 * (a row opens it). The customer and date carry over between kinds and slips.
 */
import { Grid, Group, Kbd, SegmentedControl, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useState, type ComponentType } from 'react';
import { localDateOf } from '../../../../../shared/dates/clock';
import { useSessionState } from '../../../components/useSessionState';
import { useT } from '../../../i18n/I18nProvider';
import type { MessageKey } from '../../../../../shared/i18n/translate';
import { hashQuery } from '../hashQuery';
import { CreditNoteForm } from './CreditNoteForm';
import { CustomerSnapshot } from './CustomerSnapshot';
import type { EntryFormProps } from './entryModel';
import { InvoiceForm } from './InvoiceForm';
import { OpeningForm } from './OpeningForm';
import { ReceiptForm } from './ReceiptForm';
import { RefundForm } from './RefundForm';
import { WriteOffForm } from './WriteOffForm';

const KINDS = ['invoice', 'receipt', 'credit_note', 'write_off', 'refund', 'opening'] as const;
type EntryKind = (typeof KINDS)[number];

const FORMS: Record<EntryKind, ComponentType<EntryFormProps>> = {
  invoice: InvoiceForm,
  receipt: ReceiptForm,
  credit_note: CreditNoteForm,
  write_off: WriteOffForm,
  refund: RefundForm,
  opening: OpeningForm,
};

const isKind = (k: string | null): k is EntryKind => (KINDS as readonly (string | null)[]).includes(k);

export function EntryView() {
  const t = useT();
  const [kind, setKind] = useSessionState<EntryKind>('ledger.entry.kind', 'invoice');
  const [shared, setShared] = useSessionState<{ customerId: string | null; date: string }>('ledger.entry.shared', {
    customerId: null,
    date: localDateOf(new Date()),
  });

  // Forms read the shared values when they mount: a link applied later remounts them.
  const [generation, setGeneration] = useState(0);

  // A link (customer card, ledger) may preselect the customer and the kind.
  useEffect(() => {
    const customer = hashQuery('customer');
    const linkedKind = hashQuery('kind');
    if (customer) setShared({ ...shared, customerId: customer });
    if (isKind(linkedKind)) setKind(linkedKind);
    if (customer || isKind(linkedKind)) setGeneration((g) => g + 1);
  }, []);

  useHotkeys(KINDS.map((k, i) => [`alt+${i + 1}`, () => setKind(k)] as [string, () => void]), []);

  const Form = FORMS[kind];
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="sm">
          <Group justify="space-between">
            <SegmentedControl
              value={kind}
              onChange={(k) => setKind(k as EntryKind)}
              data={KINDS.map((k) => ({ value: k, label: t(`ledger.entry.kinds.${k}` as MessageKey) }))}
              data-testid="entry-kind"
            />
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">1</Kbd>…<Kbd size="xs">6</Kbd> {t('ledger.entry.switchHint')}
            </Text>
          </Group>
          {/* Keyed by kind: each kind starts from a clean slip, with the shared customer and date. */}
          <Form
            key={`${kind}-${generation}`}
            customerId={shared.customerId}
            date={shared.date}
            onShared={(customerId, date) => {
              if (customerId !== shared.customerId || date !== shared.date) setShared({ customerId, date });
            }}
          />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <CustomerSnapshot customerId={shared.customerId} />
      </Grid.Col>
    </Grid>
  );
}
