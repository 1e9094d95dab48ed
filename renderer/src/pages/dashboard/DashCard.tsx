/** The frame of one dashboard block: a title, an optional link to the full list, the content. */
import { Anchor, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface DashCardProps {
  title: ReactNode;
  action?: { label: string; onClick(): void };
  children: ReactNode;
  'data-testid'?: string;
}

export function DashCard({ title, action, children, ...rest }: DashCardProps) {
  return (
    <Paper withBorder p="sm" radius="sm" data-testid={rest['data-testid']} style={{ display: 'flex', flexDirection: 'column', gap: 8, minWidth: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {title}
        </Text>
        {action && (
          <Anchor size="xs" onClick={action.onClick}>
            {action.label}
          </Anchor>
        )}
      </Group>
      {children}
    </Paper>
  );
}
