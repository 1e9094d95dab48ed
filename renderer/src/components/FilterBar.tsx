/**
 * The strip above every list: a search box on the left, filters beside it,
 * the record count and the page's actions on the right. Only layout; each
 * page owns its filter state.
 */
import { CloseButton, Group, Paper, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ReactNode, RefObject } from 'react';
import { useT } from '../i18n/I18nProvider';

export interface FilterBarProps {
  search?: {
    value: string;
    onChange(value: string): void;
    placeholder?: string;
    width?: number;
    inputRef?: RefObject<HTMLInputElement | null>;
    autoFocus?: boolean;
  };
  /** Selects, segmented controls… */
  children?: ReactNode;
  /** Count text and buttons, right-aligned. */
  right?: ReactNode;
}

/** ↓ from a list's search box goes into the list: the first clickable row of the nearest list below. */
export function focusFirstRow(from: HTMLElement): boolean {
  for (let el = from.parentElement; el; el = el.parentElement) {
    const row = el.querySelector<HTMLElement>('[role=rowgroup] [role=row][tabindex="0"]');
    if (row) {
      row.focus();
      return true;
    }
  }
  return false;
}

export function FilterBar({ search, children, right }: FilterBarProps) {
  const t = useT();
  return (
    <Paper withBorder px="sm" py={8}>
      <Group justify="space-between" wrap="nowrap" gap="sm" align="center">
        <Group gap="xs" wrap="wrap" align="center" style={{ flex: 1, minWidth: 0 }}>
          {search && (
            <TextInput
              ref={search.inputRef}
              autoFocus={search.autoFocus}
              w={search.width ?? 280}
              size="sm"
              leftSection={<IconSearch size={15} />}
              placeholder={search.placeholder ?? t('ui.filter.search')}
              aria-label={search.placeholder ?? t('ui.filter.search')}
              value={search.value}
              onChange={(e) => search.onChange(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape' && search.value) {
                  e.preventDefault();
                  search.onChange('');
                } else if (e.key === 'ArrowDown' && focusFirstRow(e.currentTarget)) e.preventDefault();
              }}
              rightSection={
                search.value ? (
                  <CloseButton size="sm" tabIndex={-1} aria-label={t('ui.filter.clear')} onClick={() => search.onChange('')} />
                ) : null
              }
              data-testid="filter-search"
            />
          )}
          {children}
        </Group>
        {right && (
          <Group gap="xs" wrap="nowrap">
            {right}
          </Group>
        )}
      </Group>
    </Paper>
  );
}
