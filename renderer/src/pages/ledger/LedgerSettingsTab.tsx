/**
 * 设置 › 往来账: what posting an invoice (or activating a contract) over the
 * customer's credit limit does — warn and ask for a reason (default), or
 * refuse. A change is audited by the service (ledger.updateSettings).
 */
import { Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { CREDIT_LIMIT_MODES, type CreditLimitMode } from '../../../../shared/api/ledgerEnums';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifyError, notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';

export function LedgerSettingsTab() {
  const t = useT();
  const settings = useApiQuery('ledger.settings', {});
  const save = useApiMutation('ledger.updateSettings');
  // Shown at once; the stored value comes back with the refetch after the save.
  const [chosen, setChosen] = useState<CreditLimitMode | null>(null);
  const change = async (mode: CreditLimitMode) => {
    setChosen(mode);
    try {
      await save.mutateAsync({ creditLimitMode: mode });
      notifySuccess(t('common.saved'));
    } catch (e) {
      setChosen(null);
      notifyError(t('common.saveFailed'), e);
    }
  };
  return (
    <Stack gap="sm" maw={640} data-testid="ledger-settings">
      <Text size="sm" c="dimmed">
        {t('ledger.settings.intro')}
      </Text>
      <Radio.Group
        label={t('ledger.settings.creditLimitMode')}
        value={chosen ?? settings.data?.creditLimitMode ?? null}
        onChange={(v) => void change(v as CreditLimitMode)}
      >
        <Stack gap={6} mt={6}>
          {CREDIT_LIMIT_MODES.map((m) => (
            <Radio key={m} value={m} label={t(`ledger.settings.mode.${m}`)} description={t(`ledger.settings.modeHint.${m}`)} disabled={save.isPending} />
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
