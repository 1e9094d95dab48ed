/**
 * What an empty list says: what the list is for and the next step (add one,
 * import from Excel, load demo data). Every list uses it so no screen is a
 * blank rectangle.
 */
import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  description?: ReactNode;
  icon?: ComponentType<{ size?: number; stroke?: number }>;
  /** Buttons for the next step. */
  actions?: ReactNode;
  /** Smaller variant for tabs and popovers. */
  compact?: boolean;
}

export function EmptyState({ title, description, icon: Icon, actions, compact }: EmptyStateProps) {
  return (
    <Stack align="center" gap={compact ? 6 : 10} py={compact ? 'md' : 48} px="md" data-testid="empty-state">
      {Icon && (
        <ThemeIcon variant="light" color="gray" size={compact ? 36 : 52} radius="xl">
          <Icon size={compact ? 20 : 28} stroke={1.5} />
        </ThemeIcon>
      )}
      <Text fw={600} size={compact ? 'sm' : 'md'}>
        {title}
      </Text>
      {description && (
        <Text size="sm" c="dimmed" ta="center" maw={540}>
          {description}
        </Text>
      )}
      {actions && (
        <Group gap="xs" mt={4} justify="center">
          {actions}
        </Group>
      )}
    </Stack>
  );
}
