/**
 * 退货/折让/返利 (a credit note): lowers what the customer owes. Like a
 * receipt it pays the open invoices FIFO, and the clerk may point it at the
 * invoice it belongs to (a return against its shipment) in the table below.
 */
import { Grid, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { postCreditNoteSchema, type CreditNoteType, type PostCreditNoteInput } from '../../../../../shared/api/ledger';
import { useApiMutation } from '../../../api/hooks';
import { AmountInput } from '../../../components/AmountInput';
import { useT } from '../../../i18n/I18nProvider';
import { useLedgerLabels } from '../labels';
import { AllocationEditor } from './AllocationEditor';
import { docNoToSend, readAmount, schemaErrors, slipDirty, type EntryBase, type EntryFormProps, type FieldMap } from './entryModel';
import { SlipHeaderRow } from './EntryFields';
import { EntryFormShell } from './EntryFormShell';
import { PeriodLockDialog, usePeriodLock } from './PeriodLockDialog';
import { useAllocation } from './useAllocation';
import { keepForNext, useDocNoPrefill, useSlipSend } from './useEntry';

interface Values extends EntryBase {
  amount: string;
  noteType: CreditNoteType;
}

const FIELDS: FieldMap = { amountFen: 'amount' };
const AMOUNT = { label: '金额' };

const toInput = (v: Values, suggested: string | undefined, allocations: PostCreditNoteInput['allocations']): PostCreditNoteInput => ({
  customerId: v.customerId ?? '',
  date: v.date,
  amountFen: readAmount(v.amount, AMOUNT).fen ?? 0,
  noteType: v.noteType,
  docNo: docNoToSend(v.docNo, suggested),
  memo: v.memo,
  allocations,
});

export function CreditNoteForm({ customerId, date, onShared }: EntryFormProps) {
  const t = useT();
  const labels = useLedgerLabels();
  const post = useApiMutation('ledger.postCreditNote');
  const lock = usePeriodLock<PostCreditNoteInput>();
  const customerRef = useRef<HTMLInputElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const initial: Values = { customerId, date, docNo: '', memo: '', amount: '', noteType: 'return' };
  const form = useForm<Values>({
    initialValues: initial,
    validate: (v) =>
      schemaErrors(postCreditNoteSchema, toInput(v, undefined, null), FIELDS, {
        customerId: v.customerId ? null : t('ledger.entry.pickCustomer'),
        amount: readAmount(v.amount, AMOUNT).error,
      }),
  });
  const v = form.getValues();
  const suggested = useDocNoPrefill('credit_note', v.date, v.docNo, (n) => form.setFieldValue('docNo', n));
  const amountFen = readAmount(v.amount, AMOUNT).fen;
  const alloc = useAllocation({ customerId: v.customerId, date: v.date, amountFen, kind: 'credit_note', docNo: v.docNo });

  useEffect(() => onShared(v.customerId, v.date), [v.customerId, v.date]);
  useEffect(() => (v.customerId ? amountRef : customerRef).current?.focus(), []);

  const clear = () => {
    // The note type stays: a stack of rebate slips are all rebates.
    form.setValues({ ...keepForNext(initial, form.getValues()), noteType: form.getValues().noteType });
    form.resetDirty();
    alloc.backToSuggestion();
  };
  const send = useSlipSend<PostCreditNoteInput, typeof initial>({
    post: post.mutateAsync,
    lock,
    form,
    fields: FIELDS,
    clear,
    focusNext: () => amountRef.current?.focus(),
  });
  const save = form.onSubmit((values) => {
    if (alloc.totalError || Object.keys(alloc.lineErrors).length > 0) return;
    void send(toInput(values, suggested, alloc.toSend()));
  });

  return (
    <>
      <EntryFormShell
        onSave={() => save()}
        onClear={clear}
        dirty={slipDirty(v, initial, ['noteType'])}
        saving={post.isPending}
        saveLabel={t('ledger.entry.saveCreditNote')}
        testId="credit-note-form"
        below={<AllocationEditor state={alloc} amountFen={amountFen} customerId={v.customerId} />}
      >
        <Grid gap="sm">
          <SlipHeaderRow
            form={form}
            onCustomer={(id) => {
                form.setFieldValue('customerId', id);
                form.clearFieldError('customerId');
                alloc.backToSuggestion();
              }}
            customerRef={customerRef}
            suggestedDocNo={suggested}
          />
          <Grid.Col span={4}>
            <AmountInput ref={amountRef} label={t('ledger.field.amount')} withAsterisk amount={AMOUNT} {...form.getInputProps('amount')} />
          </Grid.Col>
          <Grid.Col span={8}>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('ledger.field.noteType')}
              </Text>
              <SegmentedControl
                data={labels.noteTypeOptions}
                value={v.noteType}
                onChange={(n) => form.setFieldValue('noteType', n as CreditNoteType)}
                data-testid="entry-note-type"
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput label={t('ledger.field.memo')} maxLength={200} autoComplete="off" {...form.getInputProps('memo')} />
          </Grid.Col>
        </Grid>
      </EntryFormShell>
      <PeriodLockDialog {...lock.dialogProps('save', (input) => void send(input), post.isPending)} />
    </>
  );
}
