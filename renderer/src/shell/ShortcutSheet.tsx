/**
 * F1 (or ? outside a text field) opens the keys of the screen in front of
 * the clerk: what works everywhere, what the lists and forms of this screen
 * take, and a link to the plain-Chinese rules page.
 */
import { Anchor, Group, Kbd, Modal, Stack, Table, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import type { MessageKey } from '../../../shared/i18n/translate';
import { useT } from '../i18n/I18nProvider';
import { navigate, usePath } from './router';

type Shortcut = { keys: string[]; what: MessageKey };

const EVERYWHERE: Shortcut[] = [
  { keys: ['F1', '?'], what: 'desk.shortcuts.keys.help' },
  { keys: ['Ctrl K'], what: 'desk.shortcuts.keys.findCustomer' },
];
const FORMS: Shortcut[] = [
  { keys: ['Enter'], what: 'desk.shortcuts.keys.enter' },
  { keys: ['Ctrl S'], what: 'desk.shortcuts.keys.save' },
  { keys: ['Esc'], what: 'desk.shortcuts.keys.esc' },
  { keys: ['零', 'Enter'], what: 'desk.shortcuts.keys.select' },
];
const LIST: Shortcut[] = [
  { keys: ['↓'], what: 'desk.shortcuts.keys.searchDown' },
  { keys: ['↑', '↓'], what: 'desk.shortcuts.keys.rowMove' },
  { keys: ['Enter'], what: 'desk.shortcuts.keys.rowOpen' },
];

/** What the screen at `path` adds to the keys that work everywhere. */
export function screenShortcuts(path: string): Shortcut[] {
  if (path.startsWith('/ledger')) return [{ keys: ['Alt 1…6'], what: 'desk.shortcuts.keys.entryKinds' }, ...LIST];
  const lists = ['/customers', '/contracts', '/products', '/statements', '/collection', '/alerts', '/aging'];
  if (lists.some((p) => path === p)) return LIST;
  return [];
}

function Rows({ items }: { items: Shortcut[] }) {
  const t = useT();
  return (
    <Table withRowBorders={false} verticalSpacing={4}>
      <Table.Tbody>
        {items.map((s) => (
          <Table.Tr key={s.what}>
            <Table.Td w={150}>
              <Group gap={4} wrap="nowrap">
                {s.keys.map((k) => (
                  <Kbd key={k} size="xs">
                    {k}
                  </Kbd>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t(s.what)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ShortcutSheet() {
  const t = useT();
  const path = usePath();
  const [opened, setOpened] = useState(false);
  // '?' typed into a field is text; F1 works from anywhere.
  useHotkeys([['shift+?', () => setOpened(true)]], ['INPUT', 'TEXTAREA', 'SELECT']);
  useHotkeys([['F1', () => setOpened(true)]], [], true);
  const screen = screenShortcuts(path);
  return (
    <Modal opened={opened} onClose={() => setOpened(false)} title={t('desk.shortcuts.title')} size="lg" data-testid="shortcut-sheet">
      <Stack gap="sm">
        {screen.length > 0 && (
          <>
            <Text fw={600} size="sm">
              {t('desk.shortcuts.screen')}
            </Text>
            <Rows items={screen} />
          </>
        )}
        <Text fw={600} size="sm">
          {t('desk.shortcuts.forms')}
        </Text>
        <Rows items={FORMS} />
        <Text fw={600} size="sm">
          {t('desk.shortcuts.everywhere')}
        </Text>
        <Rows items={EVERYWHERE} />
        <Anchor
          size="sm"
          onClick={() => {
            setOpened(false);
            navigate('/help');
          }}
          data-testid="shortcut-help-link"
        >
          {t('desk.shortcuts.openHelp')}
        </Anchor>
      </Stack>
    </Modal>
  );
}
