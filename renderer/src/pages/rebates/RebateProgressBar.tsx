/**
 * Attainment as a bar with a tick at every tier threshold, so the clerk sees
 * how far the next tier is. The bar's scale runs to the highest tier + 20%.
 */
import { Box, Progress, Text, Tooltip } from '@mantine/core';
import type { RebateProgressRow } from '../../../../shared/api/rebates';
import { formatPpmPercent, tierPayoutText } from '../../../../shared/rebates/policyText';
import { attainmentText } from './rebateText';

/** `compact`: ticks without labels, for list rows. */
export function RebateProgressBar({ row, compact }: { row: RebateProgressRow; compact?: boolean }) {
  const top = Math.max(...row.target.tiers.map((t) => t.attainmentPpm), row.attainmentPpm, 1_000_000) + 200_000;
  const pct = (ppm: number) => Math.min(100, (ppm / top) * 100);
  const color = row.tierIndex === null ? 'gray' : row.next === null ? 'teal' : 'indigo';
  return (
    <Box pos="relative" pt={compact ? 4 : 18} data-testid="rebate-progress" data-attainment={row.attainmentPpm} data-tier={row.tierIndex ?? ''}>
      {row.target.tiers.map((t) => (
        <Tooltip key={t.attainmentPpm} label={`≥${formatPpmPercent(t.attainmentPpm)} → ${tierPayoutText(t)}`}>
          <Box pos="absolute" top={0} left={`${pct(t.attainmentPpm)}%`} style={{ transform: 'translateX(-50%)', textAlign: 'center' }}>
            {!compact && (
              <Text size="10px" c="dimmed" lh={1}>
                {formatPpmPercent(t.attainmentPpm)}
              </Text>
            )}
            <Box w={1} h={compact ? 14 : 22} bg="gray.6" mx="auto" />
          </Box>
        </Tooltip>
      ))}
      <Progress value={pct(row.attainmentPpm)} color={color} size={compact ? 'md' : 'lg'} aria-label={attainmentText(row.attainmentPpm)} />
    </Box>
  );
}
