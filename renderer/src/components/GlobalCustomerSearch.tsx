/**
 * The header's customer search: from any screen, type a code, a name or
 * pinyin initials and Enter opens that customer's card. Ctrl+K focuses it.
 */
import { Kbd } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { navigate } from '../shell/router';
import { CustomerPicker } from './CustomerPicker';

export function GlobalCustomerSearch() {
  const t = useT();
  const ref = useRef<HTMLInputElement>(null);
  // Remounting after a pick clears the field for the next search.
  const [generation, setGeneration] = useState(0);
  useHotkeys([['mod+K', () => ref.current?.focus()]], []);
  return (
    <CustomerPicker
      key={generation}
      ref={ref}
      value={null}
      onChange={(id) => {
        if (!id) return;
        navigate(`/customers/${id}`);
        setGeneration((g) => g + 1);
        ref.current?.blur();
      }}
      size="xs"
      w={320}
      aria-label={t('ui.customerPicker.global')}
      placeholder={t('ui.customerPicker.global')}
      rightSectionWidth={52}
      rightSection={<Kbd size="xs">Ctrl K</Kbd>}
      data-testid="global-customer-search"
    />
  );
}
