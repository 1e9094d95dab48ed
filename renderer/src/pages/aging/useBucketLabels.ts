/**
 * Bucket labels in the UI language. The labels are settings and are stored
 * as typed (Chinese by default); the built-in ones are shown translated on
 * the English screen, anything a user typed is shown as typed.
 */
import type { AgingBucket } from '../../../../shared/api/aging';
import type { MessageKey } from '../../../../shared/i18n/translate';
import { useI18n } from '../../i18n/I18nProvider';

const BUILT_IN: Readonly<Record<string, { zh: string; key: MessageKey }>> = {
  '1-30': { zh: '1-30天', key: 'aging.defaultLabel.1-30' },
  '31-60': { zh: '31-60天', key: 'aging.defaultLabel.31-60' },
  '61-90': { zh: '61-90天', key: 'aging.defaultLabel.61-90' },
  '91-180': { zh: '91-180天', key: 'aging.defaultLabel.91-180' },
  '181-365': { zh: '181-365天', key: 'aging.defaultLabel.181-365' },
  '365+': { zh: '365天以上', key: 'aging.defaultLabel.365+' },
};

export function useBucketLabel(): (bucket: AgingBucket) => string {
  const { t, locale } = useI18n();
  return (bucket) => {
    if (locale === 'zh-CN') return bucket.label;
    if (bucket.key === 'current' && bucket.label === '未到期') return t('aging.defaultLabel.current');
    if (bucket.key === 'current' && bucket.label === '当期') return t('aging.defaultLabel.currentDocument');
    const known = BUILT_IN[bucket.key];
    return known && known.zh === bucket.label ? t(known.key) : bucket.label;
  };
}
