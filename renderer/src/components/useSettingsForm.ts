/**
 * The one scaffold of a settings form: load the stored values into the form
 * (unless the user already started editing), validate with the service's own
 * schema, save, take back what the service stored, and report the outcome;
 * Ctrl+S saves and Esc resets. Each settings tab keeps only its fields.
 */
import { schemaResolver, useForm } from '@mantine/form';
import { useEffect } from 'react';
import type { z } from 'zod';
import type { Input, MethodName, Output } from '../../../shared/api/contract';
import type { MessageKey } from '../../../shared/i18n/translate';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { useT } from '../i18n/I18nProvider';
import { notifyError, notifySuccess } from './notify';
import { applyServerError } from './serverErrors';
import { useFormKeys } from './useFormKeys';

export interface SettingsFormOptions<Q extends MethodName, S extends MethodName, V extends object> {
  /** The method that reads the stored settings, called with `{}`. */
  read: Q;
  /** The method that saves them; it answers with what it stored. */
  save: S;
  initialValues: V;
  schema: z.ZodType;
  savedMessage?: MessageKey;
}

export function useSettingsForm<Q extends MethodName, S extends MethodName, V extends object>(opts: SettingsFormOptions<Q, S, V>) {
  const t = useT();
  const current = useApiQuery(opts.read, {} as Input<Q>);
  const save = useApiMutation(opts.save);
  const form = useForm<V>({ initialValues: opts.initialValues, validate: schemaResolver(opts.schema, { sync: true }) });
  const stored = current.data as Output<Q> as unknown as V | undefined;
  useEffect(() => {
    if (stored && !form.isDirty()) {
      form.setInitialValues(stored);
      form.setValues(stored);
    }
  }, [stored]);
  const submit = form.onSubmit(async (values) => {
    try {
      const saved = (await save.mutateAsync(values as unknown as Input<S>)) as unknown as V;
      form.setInitialValues(saved);
      form.setValues(saved);
      notifySuccess(t(opts.savedMessage ?? 'common.saved'));
    } catch (e) {
      if (!applyServerError(e, form.setFieldError)) notifyError(t('common.saveFailed'), e);
    }
  });
  const onKeyDown = useFormKeys({ onSave: () => submit(), onCancel: () => form.reset() });
  return { form, submit, onKeyDown, saving: save.isPending, current };
}
