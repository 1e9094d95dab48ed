/**
 * Hooks every entry form uses: the pre-filled document number, what happens
 * after a posting (notification with the number, warnings), and putting a
 * refused posting's message under the field it names.
 */
import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import type { PostResult } from '../../../../../shared/api/ledger';
import type { DocKind } from '../../../../../shared/api/ledgerEnums';
import { isIsoDate } from '../../../../../shared/dates/calendar';
import { useApiQuery } from '../../../api/hooks';
import { notifyError, notifySuccess } from '../../../components/notify';
import { applyServerError } from '../../../components/serverErrors';
import { useT } from '../../../i18n/I18nProvider';
import { useLedgerLabels } from '../labels';
import { formFieldOf, type EntryBase, type FieldMap } from './entryModel';

/**
 * Keeps the number field filled with ledger.nextDocNo for the kind and date,
 * unless the clerk typed their own (the paper slip's number). Returns the
 * suggestion, so the form can send '' while it is unchanged.
 */
export function useDocNoPrefill(kind: DocKind, date: string, docNo: string, setDocNo: (v: string) => void): string | undefined {
  const next = useApiQuery('ledger.nextDocNo', { kind, date }, { enabled: isIsoDate(date) });
  const suggested = next.data?.docNo;
  const previous = useRef<string | undefined>(undefined);
  const current = useRef(docNo);
  current.current = docNo;
  const empty = docNo === '';
  useEffect(() => {
    if (suggested === undefined) return;
    if (current.current === '' || current.current === previous.current) setDocNo(suggested);
    previous.current = suggested;
    // `empty`: a form cleared after a save is filled again even when the number did not change yet.
  }, [suggested, empty]);
  return suggested;
}

/** After a successful posting: "应收单 YS202611-0003 已保存", and any warnings that did not stop it. */
export function useAfterPost() {
  const t = useT();
  const labels = useLedgerLabels();
  return (r: PostResult) => {
    notifySuccess(t('ledger.entry.posted', { kind: labels.kind(r.document.kind), docNo: r.document.docNo }));
    for (const w of r.warnings) notifications.show({ color: 'orange', message: w, autoClose: 8000 });
  };
}

/** A refused posting: under the field it names, or as a notification when it names none. */
export function usePostError() {
  const t = useT();
  return <V>(e: unknown, form: UseFormReturnType<V>, map: FieldMap) => {
    if (!applyServerError(e, (f, m) => form.setFieldError(formFieldOf(f, map), m))) notifyError(t('ledger.entry.postFailed'), e);
  };
}

/** The values a cleared form starts from: blank, except what the next slip shares with the last. */
export function keepForNext<V extends EntryBase>(initial: V, last: V): V {
  return { ...initial, customerId: last.customerId, date: last.date, docNo: '' };
}

/**
 * Saving a slip whose only dialog is the period lock: post; on success
 * notify, clear for the next slip and focus where the clerk types next; a
 * lock refusal opens its dialog, any other refusal goes under the fields.
 * (The invoice has its own send: it also handles the credit-limit dialog.)
 */
export function useSlipSend<I extends object, V>(opts: {
  post(input: I): Promise<PostResult>;
  lock: { caught(e: unknown, input: I): boolean; close(): void };
  form: UseFormReturnType<V>;
  fields: FieldMap;
  clear(): void;
  focusNext(): void;
}): (input: I) => Promise<void> {
  const afterPost = useAfterPost();
  const postError = usePostError();
  return async (input) => {
    try {
      afterPost(await opts.post(input));
      opts.lock.close();
      opts.clear();
      opts.focusNext();
    } catch (e) {
      if (!opts.lock.caught(e, input)) postError(e, opts.form, opts.fields);
    }
  };
}
