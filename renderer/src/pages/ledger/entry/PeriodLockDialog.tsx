/**
 * The confirmed-period lock (issue 8) as the clerk meets it: a posting or a
 * void dated inside a period the customer has signed a statement for is
 * refused ('conflict', details.kind 'period_locked'). Every entry form and
 * the void dialog then show this dialog — which statement, up to when, that
 * going on marks its confirmation as affected — and resend the same input
 * with `lockOverride: {reason}`. Cancel only closes it: what was typed stays.
 */
import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { LockOverride, PeriodLockRefusal } from '../../../../../shared/api/periodLock';
import { ApiError } from '../../../api/client';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { useT } from '../../../i18n/I18nProvider';

/** The refusal's details when `e` is the period lock, else null. */
export function periodLockRefusalOf(e: unknown): PeriodLockRefusal | null {
  if (!(e instanceof ApiError) || e.code !== 'conflict') return null;
  const d = e.details as Partial<PeriodLockRefusal> | null;
  return typeof d === 'object' && d !== null && d.kind === 'period_locked' && typeof d.statementNo === 'string' ? (d as PeriodLockRefusal) : null;
}

export interface PeriodLockDialogProps {
  refusal: PeriodLockRefusal | null;
  /** 'void': the date is the voided document's, and the button says 作废. */
  action: 'save' | 'void';
  loading: boolean;
  /** Why the resend failed (another refusal than the lock), shown in the dialog. */
  error: string | null;
  onOverride(reason: string): void;
  onClose(): void;
}

export function PeriodLockDialog({ refusal, action, loading, error, onOverride, onClose }: PeriodLockDialogProps) {
  const t = useT();
  // Mounted only while open: a closed Mantine modal still leaves its (empty)
  // root in the page, which would make two 'reason-dialog's under a void
  // dialog; and mounted last, its portal is the topmost when stacked on one.
  if (refusal === null) return null;
  const consequence = (
    <Stack gap={6} data-testid="period-lock-facts">
      <Text size="sm" fw={500}>
        {t('ledger.lock.statement', { statementNo: refusal.statementNo, periodTo: refusal.periodTo, confirmedOn: refusal.confirmedOn })}
      </Text>
      <Text size="sm">{t(action === 'void' ? 'ledger.lock.void' : 'ledger.lock.entry', { date: refusal.date })}</Text>
      <Text size="sm">{t('ledger.lock.affected', { statementNo: refusal.statementNo })}</Text>
    </Stack>
  );
  return (
    <ReasonDialog
      opened
      title={t('ledger.lock.title')}
      consequence={consequence}
      confirmLabel={t(action === 'void' ? 'ledger.lock.voidAnyway' : 'ledger.lock.save')}
      color="orange"
      loading={loading}
      error={error}
      onConfirm={onOverride}
      onClose={onClose}
    />
  );
}

/**
 * The dialog's state for one form: `caught` in the form's catch (true when
 * it took the error: the lock refusal opens the dialog with the input to
 * resend; any other error while the dialog is open is shown in it), and
 * `dialogProps` with the resend. The input is kept whole, so an override
 * already given (the credit limit's) is sent again with this one.
 */
export function usePeriodLock<I extends object>() {
  const [pending, setPending] = useState<{ input: I; refusal: PeriodLockRefusal } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setPending(null);
    setError(null);
  };
  const caught = (e: unknown, input: I): boolean => {
    const refusal = periodLockRefusalOf(e);
    if (refusal) {
      setError(null);
      setPending({ input, refusal });
      return true;
    }
    if (pending) {
      setError(e instanceof Error ? e.message : String(e));
      return true;
    }
    return false;
  };
  const dialogProps = (
    action: PeriodLockDialogProps['action'],
    resend: (input: I & { lockOverride: LockOverride }) => void,
    loading: boolean,
  ): PeriodLockDialogProps => ({
    refusal: pending?.refusal ?? null,
    action,
    loading,
    error,
    onOverride: (reason) => pending && resend({ ...pending.input, lockOverride: { reason } }),
    onClose: close,
  });
  return { open: pending !== null, caught, close, dialogProps };
}
