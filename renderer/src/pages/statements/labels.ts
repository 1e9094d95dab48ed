/** Status words and colours of statements, the same on the card tab, the register and the dialogs. */
import type { StatementStatus } from '../../../../shared/api/statements';
import type { MessageKey } from '../../../../shared/i18n/translate';

export const STATUS_COLORS: Record<StatementStatus, string> = {
  generated: 'gray',
  sent: 'blue',
  confirmed: 'teal',
  disputed: 'red',
};

export const statusKey = (s: StatementStatus): MessageKey => `statements.status.${s}`;
