/**
 * 回款 (a payment received): customer, date, number, amount, method (承兑汇票
 * adds the bill number and maturity), bank reference, memo, and below the
 * customer's open invoices with the FIFO suggestion pre-filled and editable.
 */
import { Grid, TextInput } from '@mantine/core';
import { KeySelect } from '../../../components/KeySelect';
import { useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { postReceiptSchema, type PostReceiptInput, type ReceiptMethod } from '../../../../../shared/api/ledger';
import { useApiMutation } from '../../../api/hooks';
import { AmountInput } from '../../../components/AmountInput';
import { DateField } from '../../../components/DateField';
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
  method: ReceiptMethod;
  reference: string;
  billNo: string;
  billMaturityOn: string;
}

const FIELDS: FieldMap = { amountFen: 'amount' };
const AMOUNT = { label: '金额' };

function toInput(v: Values, suggested: string | undefined, allocations: PostReceiptInput['allocations']): PostReceiptInput {
  const bill = v.method === 'acceptance_bill';
  return {
    customerId: v.customerId ?? '',
    date: v.date,
    amountFen: readAmount(v.amount, AMOUNT).fen ?? 0,
    method: v.method,
    reference: v.reference,
    billNo: bill ? v.billNo : '',
    billMaturityOn: bill ? v.billMaturityOn || null : null,
    docNo: docNoToSend(v.docNo, suggested),
    memo: v.memo,
    allocations,
  };
}

export function ReceiptForm({ customerId, date, onShared }: EntryFormProps) {
  const t = useT();
  const labels = useLedgerLabels();
  const post = useApiMutation('ledger.postReceipt');
  const lock = usePeriodLock<PostReceiptInput>();
  const customerRef = useRef<HTMLInputElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const initial: Values = {
    customerId,
    date,
    docNo: '',
    memo: '',
    amount: '',
    method: 'bank_transfer',
    reference: '',
    billNo: '',
    billMaturityOn: '',
  };
  const form = useForm<Values>({
    initialValues: initial,
    validate: (v) =>
      schemaErrors(postReceiptSchema, toInput(v, undefined, null), FIELDS, {
        customerId: v.customerId ? null : t('ledger.entry.pickCustomer'),
        amount: readAmount(v.amount, AMOUNT).error,
      }),
  });
  const v = form.getValues();
  const suggested = useDocNoPrefill('receipt', v.date, v.docNo, (n) => form.setFieldValue('docNo', n));
  const amountFen = readAmount(v.amount, AMOUNT).fen;
  const alloc = useAllocation({ customerId: v.customerId, date: v.date, amountFen, kind: 'receipt', docNo: v.docNo });

  useEffect(() => onShared(v.customerId, v.date), [v.customerId, v.date]);
  useEffect(() => (v.customerId ? amountRef : customerRef).current?.focus(), []);

  const clear = () => {
    form.setValues(keepForNext(initial, form.getValues()));
    form.resetDirty();
    alloc.backToSuggestion();
  };
  const send = useSlipSend<PostReceiptInput, typeof initial>({
    post: post.mutateAsync,
    lock,
    form,
    fields: FIELDS,
    clear,
    focusNext: () => amountRef.current?.focus(),
  });
  const save = form.onSubmit((values) => {
    // The table's own complaints (over what is open, over the receipt) are already on screen.
    if (alloc.totalError || Object.keys(alloc.lineErrors).length > 0) return;
    void send(toInput(values, suggested, alloc.toSend()));
  });

  const bill = v.method === 'acceptance_bill';
  return (
    <>
      <EntryFormShell
        onSave={() => save()}
        onClear={clear}
        dirty={slipDirty(v, initial)}
        saving={post.isPending}
        saveLabel={t('ledger.entry.saveReceipt')}
        testId="receipt-form"
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
          <Grid.Col span={3}>
            <KeySelect
              label={t('ledger.field.method')}
              data={labels.methodOptions}
              allowDeselect={false}
              {...form.getInputProps('method')}
              onChange={(m) => form.setFieldValue('method', (m as ReceiptMethod | null) ?? 'bank_transfer')}
              data-testid="entry-method"
            />
          </Grid.Col>
          <Grid.Col span={5}>
            <TextInput label={t('ledger.field.reference')} maxLength={60} autoComplete="off" {...form.getInputProps('reference')} />
          </Grid.Col>
          {bill && (
            <>
              <Grid.Col span={4}>
                <TextInput label={t('ledger.field.billNo')} withAsterisk maxLength={40} autoComplete="off" {...form.getInputProps('billNo')} />
              </Grid.Col>
              <Grid.Col span={4}>
                <DateField label={t('ledger.field.billMaturityOn')} withAsterisk {...form.getInputProps('billMaturityOn')} />
              </Grid.Col>
              <Grid.Col span={4} />
            </>
          )}
          <Grid.Col span={12}>
            <TextInput label={t('ledger.field.memo')} maxLength={200} autoComplete="off" {...form.getInputProps('memo')} />
          </Grid.Col>
        </Grid>
      </EntryFormShell>
      <PeriodLockDialog {...lock.dialogProps('save', (input) => void send(input), post.isPending)} />
    </>
  );
}
