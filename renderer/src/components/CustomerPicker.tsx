/**
 * Picking a customer anywhere in the app: type a code, a name, a short name
 * or pinyin initials (bjhd finds 北京华东…); the server searches
 * (customers.list), the first match is pre-selected so Enter takes it, and
 * the field then shows "C0001 北京华东商贸有限公司".
 */
import { Combobox, Group, Loader, Text, TextInput, useCombobox, type TextInputProps } from '@mantine/core';
import { useDebouncedValue, useMergedRef } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { CustomerListRow } from '../../../shared/api/customers';
import { useApiQuery } from '../api/hooks';
import { focusNextField } from './useFormKeys';
import { useT } from '../i18n/I18nProvider';

/** The little a picker needs to show a chosen customer. */
export interface PickedCustomer {
  id: string;
  code: string;
  name: string;
}

export interface CustomerPickerProps
  extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue' | 'onSelect'> {
  /** The chosen customer's id, or null. */
  value: string | null;
  onChange(id: string | null, customer: PickedCustomer | null): void;
  /** Offer archived customers too (history screens); default false. */
  includeArchived?: boolean;
  /** How many matches to list; default 20. */
  limit?: number;
  ref?: Ref<HTMLInputElement>;
}

const labelOf = (c: PickedCustomer | null | undefined) => (c ? `${c.code} ${c.name}` : '');

export function CustomerPicker({ value, onChange, includeArchived = false, limit = 20, ref, ...inputProps }: CustomerPickerProps) {
  const t = useT();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [picked, setPicked] = useState<PickedCustomer | null>(null);
  // null = not typing: the field shows the chosen customer.
  const [search, setSearch] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search ?? '', 150);

  // A value set from outside (a link, a saved record) needs its code and name.
  const known = picked?.id === value;
  const current = useApiQuery('customers.get', { id: value ?? '' }, { enabled: Boolean(value) && !known });
  const shown = known ? picked : value && current.data ? current.data : null;

  const results = useApiQuery(
    'customers.list',
    { search: debounced, includeArchived, limit, sort: { column: 'code', direction: 'asc' } },
    { enabled: combobox.dropdownOpened, placeholderData: (prev) => prev },
  );
  const rows: CustomerListRow[] = results.data?.rows ?? [];

  // New matches: pre-select the first so Enter picks it.
  useEffect(() => {
    if (combobox.dropdownOpened && rows.length) combobox.selectFirstOption();
  }, [results.data, combobox.dropdownOpened]);

  // The list answers what was typed only once the debounce has passed and the
  // query for that text is back. Enter pressed before then (a fast typist)
  // waits for that answer instead of taking a stale match of a shorter text.
  const settled = search !== null && debounced === search && !results.isFetching && !results.isPlaceholderData;
  const pendingEnter = useRef(false);

  const choose = (id: string) => {
    const row = rows.find((r) => r.id === id);
    if (!row) return;
    const c = { id: row.id, code: row.code, name: row.name };
    setPicked(c);
    setSearch(null);
    onChange(c.id, c);
    combobox.closeDropdown();
  };

  const inputRef = useRef<HTMLInputElement>(null);
  const mergedRef = useMergedRef(inputRef, ref);
  useEffect(() => {
    if (!pendingEnter.current || !settled) return;
    pendingEnter.current = false;
    if (!rows.length) return;
    choose(rows[0].id);
    // What Enter does once a customer is taken: move on to the next field.
    if (inputRef.current) focusNextField(inputRef.current);
  });

  /** Arrow keys and Enter are handled here (not by Mantine) so Enter can wait for a settled list. */
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    inputProps.onKeyDown?.(e);
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (combobox.dropdownOpened) combobox.selectNextOption();
      else combobox.openDropdown();
    } else if (e.key === 'ArrowUp' && combobox.dropdownOpened) {
      e.preventDefault();
      combobox.selectPreviousOption();
    } else if (e.key === 'Escape' && combobox.dropdownOpened) {
      // Closes the list only; the form must not see it as "cancel".
      e.stopPropagation();
      combobox.closeDropdown();
    } else if (e.key === 'Enter' && combobox.dropdownOpened && search !== null) {
      e.preventDefault();
      if (!settled) {
        pendingEnter.current = true;
        e.stopPropagation();
        return;
      }
      const row = rows[combobox.getSelectedOptionIndex()] ?? rows[0];
      if (row) choose(row.id);
      else e.stopPropagation();
    }
  };

  return (
    <Combobox store={combobox} onOptionSubmit={choose} withinPortal>
      <Combobox.Target withKeyboardNavigation={false}>
        <TextInput
          placeholder={t('ui.customerPicker.placeholder')}
          leftSection={<IconSearch size={15} />}
          rightSection={results.isFetching && combobox.dropdownOpened ? <Loader size={14} /> : undefined}
          autoComplete="off"
          {...inputProps}
          ref={mergedRef}
          value={search ?? labelOf(shown)}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setSearch(text);
            combobox.openDropdown();
            if (text === '' && value) onChange(null, null);
          }}
          // Focus alone does not open the list: on an autofocused form it would
          // cover the fields below and a stray click could pick a customer.
          onFocus={(e) => {
            e.currentTarget.select();
            inputProps.onFocus?.(e);
          }}
          onKeyDown={onKeyDown}
          onClick={() => combobox.openDropdown()}
          onBlur={(e) => {
            combobox.closeDropdown();
            setSearch(null);
            inputProps.onBlur?.(e);
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options mah={320} style={{ overflowY: 'auto' }}>
          {rows.length === 0 ? (
            <Combobox.Empty>{results.isFetching ? t('ui.table.loading') : t('ui.customerPicker.nothing')}</Combobox.Empty>
          ) : (
            rows.map((r) => (
              <Combobox.Option value={r.id} key={r.id} active={r.id === value}>
                <Group gap="sm" wrap="nowrap">
                  {/* Dimmed by opacity, not colour: the highlighted option has a filled background. */}
                  <Text size="sm" ff="monospace" w={64} opacity={0.7} style={{ flexShrink: 0 }}>
                    {r.code}
                  </Text>
                  <Text size="sm" truncate style={{ flex: 1 }}>
                    {r.name}
                  </Text>
                  {r.archivedAt ? (
                    <Text size="xs" c="orange">
                      {t('ui.customerPicker.archived')}
                    </Text>
                  ) : (
                    <Text size="xs" opacity={0.7} truncate maw={120}>
                      {[r.shortName, r.region].filter(Boolean).join(' · ')}
                    </Text>
                  )}
                </Group>
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
