/**
 * 应收单 (a shipment invoiced to the customer): customer, date, number, amount,
 * due date (blank = date + the customer's 账期, shown as the hint), optionally
 * the customer's active contract and the installment it is invoiced against,
 * the VAT invoice number/date, memo. Over the credit limit: the figures and a
 * reason to go on (or the block message). Inside a confirmed statement's
 * period: the lock dialog. Both overrides can be needed for one invoice, so
 * each dialog resends the input with the other's override already in it.
 */
import { Grid, Text, TextInput } from '@mantine/core';
import { KeySelect } from '../../../components/KeySelect';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { postInvoiceSchema, type CreditLimitCheck, type PostInvoiceInput } from '../../../../../shared/api/ledger';
import { addDays, isIsoDate } from '../../../../../shared/dates/calendar';
import { formatFen } from '../../../../../shared/money/format';
import { ApiError } from '../../../api/client';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { AmountInput } from '../../../components/AmountInput';
import { DateField } from '../../../components/DateField';
import { useT } from '../../../i18n/I18nProvider';
import { CreditLimitDialog, isCreditLimitCheck } from './CreditLimitDialog';
import { docNoToSend, readAmount, schemaErrors, slipDirty, type EntryBase, type EntryFormProps, type FieldMap } from './entryModel';
import { BELOW, SlipHeaderRow } from './EntryFields';
import { EntryFormShell } from './EntryFormShell';
import { PeriodLockDialog, usePeriodLock } from './PeriodLockDialog';
import { keepForNext, useAfterPost, useDocNoPrefill, usePostError } from './useEntry';

interface Values extends EntryBase {
  amount: string;
  dueOn: string;
  contractId: string | null;
  installmentId: string | null;
  contractLineId: string | null;
  vatInvoiceNo: string;
  vatInvoiceDate: string;
}

const FIELDS: FieldMap = { amountFen: 'amount', override: 'amount' };
const AMOUNT = { label: '金额' };

function toInput(v: Values, suggested: string | undefined): PostInvoiceInput {
  return {
    customerId: v.customerId ?? '',
    date: v.date,
    dueOn: v.dueOn || null,
    amountFen: readAmount(v.amount, AMOUNT).fen ?? 0,
    docNo: docNoToSend(v.docNo, suggested),
    contractId: v.contractId,
    installmentId: v.installmentId,
    contractLineId: v.contractLineId,
    vatInvoiceNo: v.vatInvoiceNo,
    vatInvoiceDate: v.vatInvoiceDate || null,
    memo: v.memo,
  };
}

export function InvoiceForm({ customerId, date, onShared }: EntryFormProps) {
  const t = useT();
  const post = useApiMutation('ledger.postInvoice');
  const afterPost = useAfterPost();
  const postError = usePostError();
  const customerRef = useRef<HTMLInputElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const initial: Values = {
    customerId,
    date,
    docNo: '',
    memo: '',
    amount: '',
    dueOn: '',
    contractId: null,
    installmentId: null,
    contractLineId: null,
    vatInvoiceNo: '',
    vatInvoiceDate: '',
  };
  const form = useForm<Values>({
    initialValues: initial,
    validate: (v) => {
      const input = toInput(v, undefined);
      const own = { customerId: v.customerId ? null : t('ledger.entry.pickCustomer'), amount: readAmount(v.amount, AMOUNT).error };
      return schemaErrors(postInvoiceSchema, input, FIELDS, own);
    },
  });
  const v = form.getValues();
  const suggested = useDocNoPrefill('invoice', v.date, v.docNo, (n) => form.setFieldValue('docNo', n));
  const [pending, setPending] = useState<{ input: PostInvoiceInput; check: CreditLimitCheck } | null>(null);
  const [overrideError, setOverrideError] = useState<string | null>(null);
  const lock = usePeriodLock<PostInvoiceInput>();

  useEffect(() => onShared(v.customerId, v.date), [v.customerId, v.date]);
  useEffect(() => (v.customerId ? amountRef : customerRef).current?.focus(), []);

  const summary = useApiQuery('ledger.summary', { customerId: v.customerId ?? '' }, { enabled: Boolean(v.customerId) });
  const contracts = useApiQuery(
    'contracts.list',
    { customerId: v.customerId, status: ['active', 'expired'], sort: { column: 'contractNo', direction: 'asc' }, limit: 200 },
    { enabled: Boolean(v.customerId) },
  );
  const progress = useApiQuery('ledger.contractProgress', { contractId: v.contractId ?? '' }, { enabled: Boolean(v.contractId) });
  // The contract's lines: a per-product-line rebate target counts the invoices posted against its line.
  const contractDetail = useApiQuery('contracts.get', { id: v.contractId ?? '' }, { enabled: Boolean(v.contractId) });

  const termDays = summary.data?.customer.effectivePaymentTermDays;
  const defaultDue = termDays !== undefined && isIsoDate(v.date) ? addDays(v.date, termDays) : null;

  const clear = () => {
    form.setValues(keepForNext(initial, form.getValues()));
    form.resetDirty();
  };
  const send = async (input: PostInvoiceInput) => {
    try {
      const r = await post.mutateAsync(input);
      afterPost(r);
      setPending(null);
      lock.close();
      clear();
      amountRef.current?.focus();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'credit_limit' && isCreditLimitCheck(e.details)) {
        lock.close();
        setOverrideError(null);
        setPending({ input, check: e.details });
      } else if (lock.caught(e, input)) {
        // The lock dialog took it (opened, or shows the error of its resend); one dialog at a time.
        setPending(null);
      } else if (pending) {
        setOverrideError(e instanceof Error ? e.message : String(e));
      } else {
        postError(e, form, FIELDS);
      }
    }
  };
  const save = form.onSubmit((values) => void send(toInput(values, suggested)));

  const pickCustomer = (id: string | null) => {
    form.setValues({ customerId: id, contractId: null, installmentId: null, contractLineId: null });
    form.clearFieldError('customerId');
  };
  const contractOptions = (contracts.data?.rows ?? []).map((c) => ({
    value: c.id,
    // The amount is in the hint under the field once chosen; the option stays short enough to read.
    label: `${c.contractNo}  ${c.title}`.trim(),
  }));
  const lineOptions = (v.contractId ? (contractDetail.data?.lines ?? []) : []).map((l) => ({
    value: l.id,
    label: t('ledger.entry.contractLineOption', { seq: l.seq, description: l.description }),
  }));
  const installmentOptions = (progress.data?.installments ?? []).map((i) => ({
    value: i.id,
    label: t('ledger.entry.installmentOption', {
      seq: i.seq,
      label: i.label,
      amount: formatFen(i.amountFen),
      invoiced: formatFen(i.invoicedFen),
    }),
  }));

  return (
    <>
      <EntryFormShell
        onSave={() => save()}
        onClear={clear}
        dirty={slipDirty(v, initial)}
        saving={post.isPending}
        saveLabel={t('ledger.entry.saveInvoice')}
        testId="invoice-form"
      >
        <Grid gap="sm">
          <SlipHeaderRow
            form={form}
            onCustomer={pickCustomer}
            customerRef={customerRef}
            suggestedDocNo={suggested}
          />
          <Grid.Col span={4}>
            <AmountInput ref={amountRef} label={t('ledger.field.amount')} withAsterisk amount={AMOUNT} {...form.getInputProps('amount')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <DateField
              label={t('ledger.field.dueOn')}
              placeholder={defaultDue ?? undefined}
              description={defaultDue ? t('ledger.entry.dueDefault', { date: defaultDue, days: termDays ?? 0 }) : undefined}
              inputWrapperOrder={BELOW}
              {...form.getInputProps('dueOn')}
            />
          </Grid.Col>
          <Grid.Col span={4} />
          <Grid.Col span={6}>
            <KeySelect
              label={t('ledger.field.contract')}
              placeholder={contractOptions.length ? t('ledger.entry.noContract') : t('ledger.entry.noActiveContract')}
              data={contractOptions}
              searchable
              clearable
              disabled={!v.customerId}
              {...form.getInputProps('contractId')}
              onChange={(id) => form.setValues({ contractId: id, installmentId: null, contractLineId: null })}
              data-testid="entry-contract"
            />
          </Grid.Col>
          <Grid.Col span={6}>
            <KeySelect
              label={t('ledger.field.installment')}
              placeholder={v.contractId ? t('ledger.entry.noInstallment') : t('ledger.entry.pickContractFirst')}
              data={installmentOptions}
              clearable
              disabled={!v.contractId || installmentOptions.length === 0}
              {...form.getInputProps('installmentId')}
              data-testid="entry-installment"
            />
          </Grid.Col>
          {lineOptions.length > 1 && (
            <Grid.Col span={6}>
              <KeySelect
                label={t('ledger.field.contractLine')}
                placeholder={t('ledger.entry.noContractLine')}
                data={lineOptions}
                searchable
                clearable
                {...form.getInputProps('contractLineId')}
                data-testid="entry-contract-line"
              />
            </Grid.Col>
          )}
          {progress.data && v.contractId && (
            <Grid.Col span={12} pt={0}>
              <Text size="xs" c="dimmed" data-testid="entry-contract-progress">
                {t('ledger.entry.contractHint', {
                  amount: formatFen(progress.data.amountFen),
                  invoiced: formatFen(progress.data.invoicedFen),
                  notInvoiced: formatFen(progress.data.notInvoicedFen),
                })}
              </Text>
            </Grid.Col>
          )}
          <Grid.Col span={4}>
            <TextInput label={t('ledger.field.vatInvoiceNo')} maxLength={40} autoComplete="off" {...form.getInputProps('vatInvoiceNo')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <DateField label={t('ledger.field.vatInvoiceDate')} {...form.getInputProps('vatInvoiceDate')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput label={t('ledger.field.memo')} maxLength={200} autoComplete="off" {...form.getInputProps('memo')} />
          </Grid.Col>
        </Grid>
      </EntryFormShell>
      <CreditLimitDialog
        check={pending?.check ?? null}
        customerName={summary.data?.customer.name ?? ''}
        loading={post.isPending}
        error={overrideError}
        onOverride={(reason) => pending && void send({ ...pending.input, override: { reason } })}
        onClose={() => setPending(null)}
      />
      <PeriodLockDialog {...lock.dialogProps('save', (input) => void send(input), post.isPending)} />
    </>
  );
}
