/**
 * 例外事项未复核 (issue 13 point 5): the boss's count of exceptions-report
 * lines nobody has ticked yet, over the report's default period; the card
 * opens the report. Only shown to roles that may read the report.
 */
import { EXCEPTIONS_DEFAULT_DAYS } from '../../../../shared/api/controls';
import { useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { StatCard } from './StatCard';

export function UnreviewedExceptionsCard() {
  const t = useT();
  const count = useApiQuery('exceptions.unreviewedCount', {}).data?.count;
  const days = EXCEPTIONS_DEFAULT_DAYS + 1;
  return (
    <StatCard
      label={t('auth.exceptions.dashLabel')}
      value={count === undefined ? '—' : t('auth.exceptions.dashValue', { count })}
      hint={count ? t('auth.exceptions.dashHint', { days }) : t('auth.exceptions.dashHintNone', { days })}
      accent={count ? 'var(--mantine-color-orange-6)' : 'var(--mantine-color-gray-4)'}
      onClick={() => navigate('/exceptions')}
      data-testid="dash-exceptions"
    />
  );
}
