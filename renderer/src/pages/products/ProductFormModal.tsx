/**
 * Creating or editing a product: five fields, so a modal. Archive/restore
 * sit in the same modal (with a reason), since a product has no card.
 */
import { Button, Grid, Group, Modal, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { productCreateSchema, type Product } from '../../../../shared/api/products';
import { useApiMutation } from '../../api/hooks';
import { AmountInput } from '../../components/AmountInput';
import { fenToAmountText, parseAmountText } from '../../components/amountText';
import { notifyError, notifySuccess } from '../../components/notify';
import { ReasonDialog } from '../../components/ReasonDialog';
import { applyServerError } from '../../components/serverErrors';
import { useFormKeys } from '../../components/useFormKeys';
import { useT } from '../../i18n/I18nProvider';
import { useUnsavedGuard } from '../../components/unsavedGuard';

interface Values {
  code: string;
  name: string;
  spec: string;
  unit: string;
  price: string;
}

const PRICE_LABEL = '单价';
const blank: Values = { code: '', name: '', spec: '', unit: '', price: '' };

const toInput = (v: Values, priceFen: number | null) => ({
  code: v.code,
  name: v.name,
  spec: v.spec,
  unit: v.unit,
  defaultPriceFen: priceFen,
});
const formField = (f: string) => (f === 'defaultPriceFen' ? 'price' : f);

export interface ProductFormModalProps {
  opened: boolean;
  /** The product to edit, or null for a new one. */
  product: Product | null;
  onClose(): void;
}

export function ProductFormModal({ opened, product, onClose }: ProductFormModalProps) {
  const t = useT();
  const create = useApiMutation('products.create');
  const update = useApiMutation('products.update');
  const archive = useApiMutation('products.archive');
  const restore = useApiMutation('products.restore');
  const [dialog, setDialog] = useState<'archive' | 'restore' | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);

  const form = useForm<Values>({
    initialValues: blank,
    // The service's schema, run on what would be sent; the price text is parsed first.
    validate: (v) => {
      const errors: Record<string, string> = {};
      const price = parseAmountText(v.price, { label: PRICE_LABEL, allowZero: true });
      if (!price.ok) errors.price = price.message;
      const r = productCreateSchema.safeParse(toInput(v, price.ok ? price.value : null));
      if (!r.success) for (const i of r.error.issues) errors[formField(String(i.path[0]))] ??= i.message;
      return errors;
    },
  });

  useEffect(() => {
    if (!opened) return;
    const v = product
      ? { code: product.code, name: product.name, spec: product.spec, unit: product.unit, price: fenToAmountText(product.defaultPriceFen) }
      : blank;
    form.setInitialValues(v);
    form.setValues(v);
    form.clearErrors();
  }, [opened, product]);

  const unsaved = useUnsavedGuard(opened && form.isDirty());
  const close = () => unsaved.guard(onClose);
  const submit = form.onSubmit(async (v) => {
    const price = parseAmountText(v.price, { label: PRICE_LABEL, allowZero: true });
    const input = toInput(v, price.ok ? price.value : null);
    try {
      if (product) await update.mutateAsync({ id: product.id, expectedUpdatedAt: product.updatedAt, ...input });
      else await create.mutateAsync(input);
      notifySuccess(t('customers.products.saved'));
      unsaved.release();
      onClose();
    } catch (e) {
      if (!applyServerError(e, (f, m) => form.setFieldError(formField(f), m))) notifyError(t('common.saveFailed'), e);
    }
  });
  const onKeyDown = useFormKeys({ onSave: () => submit(), onCancel: close });

  const confirmDialog = async (reason: string) => {
    if (!product) return;
    setDialogError(null);
    try {
      if (dialog === 'archive') {
        await archive.mutateAsync({ id: product.id, reason });
        notifySuccess(t('customers.products.archivedNotice'));
      } else {
        await restore.mutateAsync({ id: product.id, reason });
        notifySuccess(t('customers.products.restoredNotice'));
      }
      setDialog(null);
      onClose();
    } catch (e) {
      setDialogError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <Modal
        opened={opened}
        onClose={close}
        title={product ? t('customers.products.editTitle') : t('customers.products.newTitle')}
        size="lg"
        data-testid="product-modal"
      >
        <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
          <Grid gap="sm">
            <Grid.Col span={4}>
              <TextInput
                label={t('customers.products.code')}
                withAsterisk
                maxLength={30}
                data-autofocus
                styles={{ input: { fontFamily: 'monospace' } }}
                {...form.getInputProps('code')}
              />
            </Grid.Col>
            <Grid.Col span={8}>
              <TextInput label={t('customers.products.name')} withAsterisk maxLength={100} {...form.getInputProps('name')} />
            </Grid.Col>
            <Grid.Col span={5}>
              <TextInput label={t('customers.products.spec')} maxLength={100} {...form.getInputProps('spec')} />
            </Grid.Col>
            <Grid.Col span={3}>
              <TextInput label={t('customers.products.unit')} maxLength={10} {...form.getInputProps('unit')} />
            </Grid.Col>
            <Grid.Col span={4}>
              <AmountInput
                label={t('customers.products.price')}
                description={t('customers.products.priceHint')}
                amount={{ label: PRICE_LABEL, allowZero: true }}
                {...form.getInputProps('price')}
              />
            </Grid.Col>
          </Grid>
          <Group justify="space-between" mt="md">
            <Group gap="xs">
              {product &&
                (product.archivedAt ? (
                  <Button variant="light" onClick={() => setDialog('restore')}>
                    {t('customers.products.restore')}
                  </Button>
                ) : (
                  <Button variant="subtle" color="orange" onClick={() => setDialog('archive')}>
                    {t('customers.products.archive')}
                  </Button>
                ))}
            </Group>
            <Group gap="xs">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending || update.isPending} data-testid="product-save">
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </form>
      </Modal>
      <ReasonDialog
        opened={dialog !== null}
        title={dialog === 'archive' ? t('customers.products.archiveTitle') : t('customers.products.restoreTitle')}
        consequence={
          dialog === 'archive'
            ? t('customers.products.archiveConsequence', { name: product?.name ?? '' })
            : t('customers.products.restoreConsequence', { name: product?.name ?? '' })
        }
        confirmLabel={dialog === 'archive' ? t('customers.products.archiveConfirm') : t('customers.products.restoreConfirm')}
        color={dialog === 'archive' ? 'orange' : 'indigo'}
        reasonRequired={dialog === 'archive'}
        loading={archive.isPending || restore.isPending}
        error={dialogError}
        onConfirm={(reason) => void confirmDialog(reason)}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
