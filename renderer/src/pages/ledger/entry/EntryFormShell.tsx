/**
 * The frame of every entry form: the fields (Enter moves on and saves from
 * the last one, Ctrl+S saves, Esc clears the slip after asking when
 * something is typed), an optional part below them with its own Enter order
 * (the receipt's allocation table, so Enter from 摘要 saves instead of walking
 * through every open invoice), and the buttons.
 */
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';
import { useFormKeys } from '../../../components/useFormKeys';
import { useT } from '../../../i18n/I18nProvider';
import { useUnsavedGuard } from '../../../components/unsavedGuard';

export interface EntryFormShellProps {
  children: ReactNode;
  /** Below the fields, outside their Enter order. */
  below?: ReactNode;
  onSave(): void;
  /** Clears the slip (the customer and date stay). */
  onClear(): void;
  dirty: boolean;
  saving: boolean;
  saveLabel: string;
  testId: string;
}

export function EntryFormShell({ children, below, onSave, onClear, dirty, saving, saveLabel, testId }: EntryFormShellProps) {
  const t = useT();
  // Typed input is guarded against navigation too, not only against Esc and 清空.
  const unsaved = useUnsavedGuard(dirty);
  const clear = () => unsaved.guard(onClear);
  const keys = useFormKeys({ onSave, onCancel: clear });
  const belowKeys = useFormKeys({ onSave });
  // Esc that only closes an open dropdown or date picker must not also clear the slip.
  const guard = (handler: (e: KeyboardEvent<HTMLFormElement>) => void) => (e: KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLInputElement;
    if (e.key === 'Escape' && target.getAttribute('aria-expanded') === 'true') return;
    // Enter on a segmented choice (credit note type) goes past its other options, not through them.
    if (e.key === 'Enter' && target.type === 'radio' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      const fields = Array.from(e.currentTarget.querySelectorAll<HTMLInputElement>('input:not([type=hidden]):not([disabled])'));
      const next = fields.slice(fields.indexOf(target) + 1).find((f) => f.name !== target.name || f.type !== 'radio');
      if (next) next.focus();
      else onSave();
      return;
    }
    handler(e);
  };
  const noSubmit = (e: { preventDefault(): void }) => {
    e.preventDefault();
    onSave();
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <form onSubmit={noSubmit} onKeyDown={guard(keys)} noValidate data-testid={testId}>
          {children}
        </form>
        {below && (
          <form onSubmit={noSubmit} onKeyDown={guard(belowKeys)} noValidate>
            {below}
          </form>
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {dirty ? t('common.unsavedHint') : t('ledger.entry.keysHint')}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={clear}>
              {t('ledger.entry.clear')}
            </Button>
            <Button onClick={onSave} loading={saving} data-testid="entry-save">
              {saveLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
