/** The boss's settings of approvals and login (ROLES-NOTES §5.3 defaults). */
import type { ApprovalSettings } from '../../../shared/api/controls';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings/settingsStore';

const KEY = 'approvals.settings';
export const DEFAULT_APPROVAL_SETTINGS: ApprovalSettings = {
  clerkCreditNoteLimitFen: 0,
  requestExpiryDays: 14,
  backdateFlagDays: 7,
  idleLockMinutes: 10,
};

export const getApprovalSettings = (ctx: ServiceContext): ApprovalSettings => ({
  ...DEFAULT_APPROVAL_SETTINGS,
  ...(readSetting<Partial<ApprovalSettings>>(ctx, KEY)?.value ?? {}),
});

export function updateApprovalSettings(ctx: ServiceContext, next: ApprovalSettings): ApprovalSettings {
  return ctx.db.transaction(() => {
    const before = getApprovalSettings(ctx);
    writeSetting(ctx, KEY, next);
    recordChange(ctx, { entity: 'settings', entityId: KEY, action: 'update', before, after: next, tables: ['settings'] });
    return next;
  });
}
