/**
 * One headline figure of the dashboard: a label, the amount in large
 * tabular figures, one line of context. The whole card is a button that
 * opens the records behind the figure.
 */
import { Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './StatCard.module.css';

export interface StatCardProps {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  /** A thin top rule in the figure's colour (red for overdue). */
  accent?: string;
  onClick(): void;
  /** A longer explanation on hover (what exactly is compared). */
  title?: string;
  'data-testid'?: string;
}

export function StatCard({ label, value, hint, accent, onClick, title, ...rest }: StatCardProps) {
  return (
    <UnstyledButton onClick={onClick} className={classes.card} title={title} data-testid={rest['data-testid']}>
      <Paper withBorder p="sm" radius="sm" h="100%" style={{ borderTop: `3px solid ${accent ?? 'var(--mantine-color-indigo-5)'}` }}>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={500}>
            {label}
          </Text>
          <Text fz={24} fw={600} className={classes.value}>
            {value}
          </Text>
          {hint && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {hint}
            </Text>
          )}
        </Stack>
      </Paper>
    </UnstyledButton>
  );
}
