/** A header or figure with its exact definition on hover (the same text as the help panel). */
import { Group, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export function HelpTip({ label, help }: { label: ReactNode; help: string }) {
  return (
    <Tooltip label={help} multiline w={360} withArrow openDelay={200}>
      <Group gap={2} wrap="nowrap" style={{ cursor: 'help' }}>
        <Text span size="inherit" fw="inherit">
          {label}
        </Text>
        <IconInfoCircle size={12} style={{ opacity: 0.5, flexShrink: 0 }} />
      </Group>
    </Tooltip>
  );
}
