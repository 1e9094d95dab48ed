/** The status of a contract as every screen shows it: the display status (expired in orange). */
import { Badge, type BadgeProps } from '@mantine/core';
import type { ContractDisplayStatus } from '../../../../shared/api/contractEnums';
import { DISPLAY_STATUS_COLORS, useContractLabels } from './labels';

export function ContractStatusBadge({ status, size = 'sm' }: { status: ContractDisplayStatus; size?: BadgeProps['size'] }) {
  const labels = useContractLabels();
  return (
    <Badge
      tt="none"
      size={size}
      // A draft is not in force yet: outlined, not filled.
      variant={status === 'draft' ? 'outline' : 'light'}
      color={DISPLAY_STATUS_COLORS[status]}
      data-testid="contract-status"
      // Never squeezed by a long title beside it.
      style={{ flexShrink: 0 }}
    >
      {labels.status(status)}
    </Badge>
  );
}
