/**
 * 作废 (void) through the shared ReasonDialog: it says what will happen (a
 * 冲销 document on the other side, both kept and marked, the balance moving
 * back by the amount, allocations re-derived), asks the void date (default
 * today, never before the original) and the reason. A void touching a period
 * the customer confirmed on a statement opens the lock dialog over this one,
 * which stays as filled in (cancel there goes back to it).
 */
import { Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ArDocumentDetail, VoidInput } from '../../../../../shared/api/ledger';
import { localDateOf } from '../../../../../shared/dates/clock';
import { formatFen } from '../../../../../shared/money/format';
import { useApiMutation } from '../../../api/hooks';
import { DateField } from '../../../components/DateField';
import { notifySuccess } from '../../../components/notify';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { useT } from '../../../i18n/I18nProvider';
import { PeriodLockDialog, usePeriodLock } from '../entry/PeriodLockDialog';
import { useLedgerLabels } from '../labels';

export function VoidDialog({ doc, opened, onClose }: { doc: ArDocumentDetail; opened: boolean; onClose(): void }) {
  const t = useT();
  const labels = useLedgerLabels();
  const voidDoc = useApiMutation('ledger.void');
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const lock = usePeriodLock<VoidInput>();

  useEffect(() => {
    if (opened) {
      // Today, unless the document is dated later (a void is never before its original).
      const today = localDateOf(new Date());
      setDate(doc.date > today ? doc.date : today);
      setError(null);
    }
  }, [opened, doc.date]);

  const what = `${labels.kind(doc.kind)} ${doc.docNo}`;
  const effect = doc.side === 'debit' ? 'ledger.void.lowers' : 'ledger.void.raises';
  const consequence = (
    <Stack gap="xs">
      <Text size="sm">{t('ledger.void.consequence', { what, amount: formatFen(doc.amountFen) })}</Text>
      <Text size="sm">{t(effect, { amount: formatFen(doc.amountFen) })}</Text>
      {doc.allocations.length > 0 && <Text size="sm">{t('ledger.void.allocations', { count: doc.allocations.length })}</Text>}
      <DateField
        label={t('ledger.void.date')}
        withAsterisk
        clearable={false}
        minDate={doc.date}
        value={date}
        onChange={setDate}
        maw={200}
        data-testid="void-date"
      />
    </Stack>
  );

  const send = async (input: VoidInput) => {
    setError(null);
    try {
      const r = await voidDoc.mutateAsync(input);
      notifySuccess(t('ledger.void.done', { what, docNo: r.document.docNo }));
      lock.close();
      onClose();
    } catch (e) {
      if (!lock.caught(e, input)) setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <ReasonDialog
        opened={opened}
        title={t('ledger.void.title', { what })}
        consequence={consequence}
        confirmLabel={t('ledger.void.confirm')}
        loading={voidDoc.isPending}
        error={error}
        onConfirm={(reason) => void send({ docId: doc.id, date: date || null, reason })}
        // Escape reaches every open modal: while the lock dialog is up, only it closes.
        onClose={() => {
          if (!lock.open) onClose();
        }}
      />
      <PeriodLockDialog {...lock.dialogProps('void', (input) => void send(input), voidDoc.isPending)} />
    </>
  );
}
