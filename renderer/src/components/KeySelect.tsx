/**
 * The one select every form uses: Mantine's Select made to behave the way a
 * clerk typing from paper expects.
 *
 * - Typing filters and jumps: 零 highlights 零售, B highlights B (options that
 *   start with the text first), and the text typed replaces the shown label.
 * - Enter picks the highlighted option, closes the list and lets the form move
 *   on (useFormKeys); Enter on a closed list just moves on. Focus alone never
 *   opens the list, so walking a form with Enter leaves nothing open over the
 *   fields below.
 * - Esc closes the list only (the form's Esc-to-cancel checks aria-expanded).
 * - Never more than one list open: opening one closes the other; leaving the
 *   field or saving (Ctrl+S) closes it. The dropdown state is held here, not in
 *   Mantine's store, whose close callback can miss an open from the same event.
 * - Enter on the option already chosen keeps it; a click on it deselects (Mantine's way).
 * - The clear × is not a Tab stop.
 */
import { Select, type ComboboxItem, type ComboboxParsedItem, type SelectProps } from '@mantine/core';
import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { claimDropdown, releaseDropdown } from './openDropdown';

/** Options starting with the typed text first, then options containing it; value or label. */
export function filterByTyped(options: ComboboxParsedItem[], search: string): ComboboxParsedItem[] {
  const q = search.trim().toLowerCase();
  if (!q) return options;
  const starts: ComboboxParsedItem[] = [];
  const inside: ComboboxParsedItem[] = [];
  for (const o of options) {
    if ('group' in o) {
      const items = filterByTyped(o.items, q) as ComboboxItem[];
      if (items.length) inside.push({ ...o, items });
      continue;
    }
    const label = o.label.toLowerCase();
    const value = o.value.toLowerCase();
    if (label.startsWith(q) || value.startsWith(q)) starts.push(o);
    else if (label.includes(q)) inside.push(o);
  }
  return [...starts, ...inside];
}

export function KeySelect({ onKeyDown, onFocus, onBlur, onChange, clearButtonProps, ...props }: SelectProps) {
  const [opened, setOpened] = useState(false);
  // Enter on the option already chosen keeps it (typing 零 + Enter on 零售 must not clear it);
  // a mouse click on it still deselects, as in every Mantine select.
  const byEnter = useRef(false);

  useEffect(() => {
    if (!opened) return;
    const close = () => setOpened(false);
    claimDropdown(close);
    return () => releaseDropdown(close);
  }, [opened]);

  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown?.(e);
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (!opened) return;
    // Enter takes the highlighted option itself: Mantine's own Enter reads an
    // index that its open-by-typing timer can reset after the highlight was set.
    if (e.key === 'Enter') {
      byEnter.current = true;
      queueMicrotask(() => {
        byEnter.current = false;
      });
      const listId = e.currentTarget.getAttribute('aria-controls');
      const highlighted = listId ? document.getElementById(listId)?.querySelector<HTMLElement>('[data-combobox-selected]') : null;
      highlighted?.click();
    }
    if (e.key === 'Enter' || e.key === 'Tab' || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's')) {
      queueMicrotask(() => setOpened(false));
    }
  };

  return (
    <Select
      searchable
      selectFirstOptionOnChange
      // Focus alone never opens the list (walking a form with Enter would leave lists over the fields below).
      openOnFocus={false}

      filter={({ options, search }) => filterByTyped(options, search)}
      {...props}
      clearButtonProps={{ tabIndex: -1, ...clearButtonProps }}
      onChange={(value, option) => {
        if (value === null && byEnter.current) return;
        onChange?.(value, option);
      }}
      dropdownOpened={opened}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      onKeyDown={keyDown}
      // Typing replaces the shown label instead of appending to it.
      onFocus={(e: FocusEvent<HTMLInputElement>) => {
        e.currentTarget.select();
        onFocus?.(e);
      }}
      onBlur={(e: FocusEvent<HTMLInputElement>) => {
        setOpened(false);
        onBlur?.(e);
      }}
    />
  );
}
