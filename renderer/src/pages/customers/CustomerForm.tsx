/**
 * Creating and editing a customer: every field of the customer file, in the
 * order a clerk reads them off a business card or an Excel row. Enter moves
 * on, Ctrl+S saves, Esc cancels; messages sit under their fields and the form
 * keeps everything typed when a save is refused.
 */
import { CUSTOMER_LAYERS, type CustomerLayer } from '../../../../shared/evaluation/enums';
import { Autocomplete, Button, Divider, Grid, Group, Paper, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { KeySelect } from '../../components/KeySelect';
import { schemaResolver, useForm } from '@mantine/form';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { CustomerDetail, CustomerGrade, CustomerKind, CustomerStatus } from '../../../../shared/api/customers';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { AmountInput } from '../../components/AmountInput';
import { notifyError, notifySuccess } from '../../components/notify';
import { applyServerError } from '../../components/serverErrors';
import { useFormKeys } from '../../components/useFormKeys';
import { useT } from '../../i18n/I18nProvider';
import {
  customerFormSchema,
  customerToValues,
  emptyCustomerValues,
  formFieldOf,
  valuesToCreate,
  valuesToUpdate,
  type CustomerFormValues,
} from './customerFormModel';
import { useCustomerLabels } from './labels';
import { useUnsavedGuard } from '../../components/unsavedGuard';

export interface CustomerFormProps {
  /** The customer being edited; omitted for a new one. */
  customer?: CustomerDetail;
  /** Suggested code and default 账期 for a new customer. */
  defaults: { code: string; paymentTermDays: number };
  onSaved(c: CustomerDetail): void;
  onCancel(): void;
}

/** Hints under the input, so inputs side by side line up whether or not they have a hint. */
const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

function Section({ title, hint }: { title: string; hint?: string }) {
  return (
    <Grid.Col span={12} pt="xs" pb={0}>
      <Divider
        labelPosition="left"
        label={
          <Group gap={6}>
            <Text size="sm" fw={600} c="dark">
              {title}
            </Text>
            {hint && (
              <Text size="xs" c="dimmed">
                {hint}
              </Text>
            )}
          </Group>
        }
      />
    </Grid.Col>
  );
}

export function CustomerForm({ customer, defaults, onSaved, onCancel }: CustomerFormProps) {
  const t = useT();
  const labels = useCustomerLabels();
  const isNew = !customer;
  const create = useApiMutation('customers.create');
  const update = useApiMutation('customers.update');
  const facets = useApiQuery('customers.facets', {});
  const firstRef = useRef<HTMLInputElement>(null);

  const form = useForm<CustomerFormValues>({
    initialValues: customer ? customerToValues(customer) : emptyCustomerValues(defaults.code),
    validate: schemaResolver(customerFormSchema, { sync: true }),
    validateInputOnBlur: true,
  });

  // The suggested code arrives after the form mounts; fill it unless the clerk typed one.
  useEffect(() => {
    if (isNew && !form.isTouched('code') && form.getValues().code === '') form.setFieldValue('code', defaults.code);
  }, [defaults.code]);

  useEffect(() => {
    firstRef.current?.focus();
    firstRef.current?.select();
  }, []);

  const unsaved = useUnsavedGuard(form.isDirty());
  const submit = form.onSubmit(
    async (values) => {
      try {
        const saved = customer
          ? await update.mutateAsync(valuesToUpdate(customer.id, customer.updatedAt, values))
          : await create.mutateAsync(valuesToCreate(values));
        notifySuccess(isNew ? t('customers.form.created', { code: saved.code, name: saved.name }) : t('common.saved'));
        form.resetDirty();
        unsaved.release();
        onSaved(saved);
      } catch (e) {
        if (!applyServerError(e, (f, m) => form.setFieldError(formFieldOf(f), m))) notifyError(t('common.saveFailed'), e);
      }
    },
    // A refused field may be below the fold: bring the first one into view.
    (errors) => {
      const first = Object.keys(errors)[0];
      if (first) document.querySelector<HTMLElement>(`[data-path="${first}"]`)?.focus();
    },
  );
  // Esc leaves the form, but never silently with typed input, and not when it only closes an open dropdown.
  const cancel = () => unsaved.guard(onCancel);
  const formKeys = useFormKeys({ onSave: () => submit(), onCancel: cancel });
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape' && (e.target as HTMLElement).getAttribute('aria-expanded') === 'true') return;
    formKeys(e);
  };

  const input = (path: keyof CustomerFormValues) => ({ ...form.getInputProps(path), 'data-path': path });
  const saving = create.isPending || update.isPending;

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate data-testid="customer-form">
        <Grid gap="sm">
          <Section title={t('customers.form.basic')} />
          <Grid.Col span={3}>
            <TextInput
              label={t('customers.field.code')}
              description={isNew ? t('customers.form.codeHint') : undefined}
              inputWrapperOrder={BELOW}
              withAsterisk
              maxLength={30}
              ref={isNew ? firstRef : undefined}
              styles={{ input: { fontFamily: 'monospace' } }}
              {...input('code')}
            />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput
              label={t('customers.field.name')}
              description={t('customers.form.nameHint')}
              inputWrapperOrder={BELOW}
              withAsterisk
              maxLength={100}
              ref={isNew ? undefined : firstRef}
              {...input('name')}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <TextInput label={t('customers.field.shortName')} maxLength={50} {...input('shortName')} />
          </Grid.Col>

          <Grid.Col span={3}>
            <KeySelect
              label={t('customers.field.kind')}
              data={labels.kindOptions}
              clearable
              placeholder={t('customers.form.none')}
              {...input('kind')}
              onChange={(v) => form.setFieldValue('kind', (v as CustomerKind | null) ?? null)}
            />
          </Grid.Col>
          <Grid.Col span={2}>
            <KeySelect
              label={t('customers.field.grade')}
              data={labels.gradeOptions}
              clearable
              placeholder={t('customers.form.none')}
              {...input('grade')}
              onChange={(v) => form.setFieldValue('grade', (v as CustomerGrade | null) ?? null)}
            />
          </Grid.Col>
          <Grid.Col span={2}>
            <KeySelect
              label={t('customers.field.status')}
              data={labels.statusOptions}
              allowDeselect={false}
              {...input('status')}
              onChange={(v) => form.setFieldValue('status', (v as CustomerStatus | null) ?? 'active')}
            />
          </Grid.Col>
          <Grid.Col span={2}>
            <KeySelect
              label={t('evaluation.form.layer')}
              data={CUSTOMER_LAYERS.map((l) => ({ value: l, label: t(`evaluation.layer.${l}`) }))}
              clearable
              placeholder={t('customers.form.none')}
              {...input('layer')}
              onChange={(v) => form.setFieldValue('layer', (v as CustomerLayer | null) ?? null)}
              data-testid="customer-layer"
            />
          </Grid.Col>
          <Grid.Col span={2}>
            <TextInput label={t('evaluation.form.visitInterval')} placeholder={t('evaluation.form.visitIntervalHint')} maxLength={5} {...input('visitIntervalDays')} />
          </Grid.Col>
          <Grid.Col span={2}>
            <Autocomplete label={t('customers.field.region')} data={facets.data?.regions ?? []} maxLength={50} {...input('region')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <Autocomplete
              label={t('customers.field.salesperson')}
              data={facets.data?.salespeople ?? []}
              maxLength={50}
              {...input('salesperson')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput label={t('customers.field.address')} maxLength={300} {...input('address')} />
          </Grid.Col>

          <Section title={t('customers.form.billing')} />
          <Grid.Col span={5}>
            <TextInput
              label={t('customers.field.taxId')}
              description={t('settings.taxIdHint')}
              inputWrapperOrder={BELOW}
              maxLength={30}
              styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
              {...input('taxId')}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label={t('customers.field.bankName')} maxLength={100} {...input('bankName')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <TextInput label={t('customers.field.bankAccount')} maxLength={50} {...input('bankAccount')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <AmountInput
              label={t('customers.field.creditLimit')}
              description={t('customers.form.creditLimitHint')}
              amount={{ label: '信用额度', allowZero: true }}
              {...input('creditLimit')}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <TextInput
              label={t('customers.field.paymentTermDays')}
              description={t('customers.form.paymentTermHint')}
              inputWrapperOrder={BELOW}
              placeholder={t('customers.form.paymentTermPlaceholder', { days: defaults.paymentTermDays })}
              inputMode="numeric"
              maxLength={5}
              {...input('paymentTermDays')}
            />
          </Grid.Col>

          <Section title={t('customers.form.business')} />
          <Grid.Col span={5}>
            <TagsInput
              label={t('customers.field.tags')}
              placeholder={t('customers.form.tagsPlaceholder')}
              data={facets.data?.tags ?? []}
              maxTags={20}
              clearable
              {...input('tags')}
              // Enter with text adds a tag; it must not also jump to the next field.
              onKeyDown={(e) => {
                if (e.key === 'Enter' && e.currentTarget.value.trim() !== '') e.stopPropagation();
              }}
            />
          </Grid.Col>
          <Grid.Col span={7}>
            <Textarea label={t('customers.field.notes')} autosize minRows={1} maxRows={6} maxLength={2000} {...input('notes')} />
          </Grid.Col>

          {isNew && (
            <>
              <Section title={t('customers.form.firstContact')} hint={t('customers.form.firstContactHint')} />
              <Grid.Col span={3}>
                <TextInput label={t('customers.form.contactName')} maxLength={50} {...input('contactName')} />
              </Grid.Col>
              <Grid.Col span={2}>
                <TextInput label={t('customers.form.contactTitle')} maxLength={50} {...input('contactTitle')} />
              </Grid.Col>
              <Grid.Col span={2}>
                <TextInput label={t('customers.contacts.mobile')} inputMode="tel" maxLength={30} {...input('contactMobile')} />
              </Grid.Col>
              <Grid.Col span={2}>
                <TextInput label={t('customers.contacts.phone')} inputMode="tel" maxLength={50} {...input('contactPhone')} />
              </Grid.Col>
              <Grid.Col span={3}>
                <TextInput label={t('customers.contacts.email')} inputMode="email" maxLength={254} {...input('contactEmail')} />
              </Grid.Col>
            </>
          )}
        </Grid>

        <Group justify="space-between" mt="md">
          <Text size="xs" c="dimmed">
            {form.isDirty() ? t('common.unsavedHint') : t('customers.form.keysHint')}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={cancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="customer-save">
              {t('customers.form.save')}
            </Button>
          </Group>
        </Group>
      </form>
    </Paper>
  );
}
