/**
 * What can be done with a contract, by status, each behind a confirmation
 * that says what will happen: 生效 (activate; when the ledger says the
 * customer would pass the credit limit, ask for the override reason and try
 * again), 完成, 终止 (reason), 退回草稿 (reason; the only way to change what
 * was agreed). Every action is audited by the service.
 */
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconEdit, IconFlag, IconPlayerStop } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { ContractDetail } from '../../../../shared/api/contracts';
import type { CreditLimitCheck } from '../../../../shared/api/ledger';
import { formatFen } from '../../../../shared/money/format';
import { ApiError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';

type Dialog = 'activate' | 'override' | 'complete' | 'terminate' | 'reopen';

const isCreditCheck = (v: unknown): v is CreditLimitCheck =>
  typeof v === 'object' && v !== null && typeof (v as CreditLimitCheck).limitFen === 'number' && typeof (v as CreditLimitCheck).overByFen === 'number';

export function ContractActions({ contract: c }: { contract: ContractDetail }) {
  const t = useT();
  const activate = useApiMutation('contracts.activate');
  const complete = useApiMutation('contracts.complete');
  const terminate = useApiMutation('contracts.terminate');
  const reopen = useApiMutation('contracts.reopen');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [credit, setCredit] = useState<CreditLimitCheck | null>(null);

  const open = (d: Dialog) => {
    setError(null);
    setDialog(d);
  };

  const run = async (reason: string) => {
    setError(null);
    try {
      switch (dialog) {
        case 'activate':
        case 'override':
          await activate.mutateAsync({ id: c.id, overrideReason: dialog === 'override' ? reason : '' });
          notifySuccess(t('contracts.actions.activated', { no: c.contractNo }));
          break;
        case 'complete':
          await complete.mutateAsync({ id: c.id, note: reason });
          notifySuccess(t('contracts.actions.completed', { no: c.contractNo }));
          break;
        case 'terminate':
          await terminate.mutateAsync({ id: c.id, reason });
          notifySuccess(t('contracts.actions.terminated', { no: c.contractNo }));
          break;
        case 'reopen':
          await reopen.mutateAsync({ id: c.id, reason });
          notifySuccess(t('contracts.actions.reopened', { no: c.contractNo }));
          break;
      }
      setDialog(null);
    } catch (e) {
      // Over the credit limit with an override allowed: the same activation again, with a reason.
      if (dialog === 'activate' && e instanceof ApiError && e.code === 'credit_limit' && e.field === 'overrideReason') {
        setCredit(isCreditCheck(e.details) ? e.details : null);
        setError(null);
        setDialog('override');
        return;
      }
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const busy = activate.isPending || complete.isPending || terminate.isPending || reopen.isPending;
  const isActive = c.status === 'active';

  const dialogProps: Record<Dialog, { title: string; consequence: ReactNode; confirm: string; color: string; withReason: boolean; required: boolean }> = {
    activate: {
      title: t('contracts.actions.activateTitle', { no: c.contractNo }),
      consequence: t('contracts.actions.activateConsequence'),
      confirm: t('contracts.actions.activate'),
      color: 'teal',
      withReason: false,
      required: false,
    },
    override: {
      title: t('contracts.actions.overrideTitle'),
      consequence: (
        <Stack gap={4}>
          <Text size="sm">
            {credit
              ? t('contracts.actions.overrideFigures', {
                  limit: formatFen(credit.limitFen),
                  balance: formatFen(credit.balanceFen),
                  added: formatFen(credit.addedFen),
                  projected: formatFen(credit.projectedFen),
                  over: formatFen(credit.overByFen),
                })
              : t('contracts.actions.overrideGeneric')}
          </Text>
          <Text size="sm">{t('contracts.actions.overrideHint')}</Text>
        </Stack>
      ),
      confirm: t('contracts.actions.overrideConfirm'),
      color: 'orange',
      withReason: true,
      required: true,
    },
    complete: {
      title: t('contracts.actions.completeTitle', { no: c.contractNo }),
      consequence: t('contracts.actions.completeConsequence'),
      confirm: t('contracts.actions.complete'),
      color: 'indigo',
      withReason: true,
      required: false,
    },
    terminate: {
      title: t('contracts.actions.terminateTitle', { no: c.contractNo }),
      consequence: t('contracts.actions.terminateConsequence'),
      confirm: t('contracts.actions.terminate'),
      color: 'red',
      withReason: true,
      required: true,
    },
    reopen: {
      title: t('contracts.actions.reopenTitle', { no: c.contractNo }),
      consequence: t('contracts.actions.reopenConsequence'),
      confirm: t('contracts.actions.reopen'),
      color: 'orange',
      withReason: true,
      required: true,
    },
  };
  const d = dialog ? dialogProps[dialog] : null;

  return (
    <>
      <Group gap="xs" wrap="nowrap">
        <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => navigate(`/contracts/${c.id}/edit`)} data-testid="contract-edit">
          {c.status === 'draft' ? t('contracts.actions.edit') : isActive ? t('contracts.actions.editText') : t('contracts.actions.editNotes')}
        </Button>
        {c.status === 'draft' && (
          <Button color="teal" leftSection={<IconCircleCheck size={16} />} onClick={() => open('activate')} data-testid="contract-activate">
            {t('contracts.actions.activate')}
          </Button>
        )}
        {isActive && (
          <>
            <Button variant="default" leftSection={<IconArrowBackUp size={16} />} onClick={() => open('reopen')}>
              {t('contracts.actions.reopen')}
            </Button>
            <Button variant="light" color="indigo" leftSection={<IconFlag size={16} />} onClick={() => open('complete')}>
              {t('contracts.actions.complete')}
            </Button>
          </>
        )}
        {(c.status === 'draft' || isActive) && (
          <Button variant="subtle" color="red" leftSection={<IconPlayerStop size={16} />} onClick={() => open('terminate')}>
            {t('contracts.actions.terminate')}
          </Button>
        )}
      </Group>

      <ReasonDialog
        opened={d !== null}
        title={d?.title ?? ''}
        consequence={d?.consequence}
        confirmLabel={d?.confirm ?? ''}
        color={d?.color}
        withReason={d?.withReason}
        reasonRequired={d?.required}
        loading={busy}
        error={error}
        onConfirm={(reason) => void run(reason)}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
