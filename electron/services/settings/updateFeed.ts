/**
 * The update server address (electron-updater's generic provider): an
 * https:// URL such as a LAN web server with a certificate; empty switches
 * updates off. The Electron main process reads the same key
 * (electron/main/updaterConfig.ts) and applies the same rule again.
 * Changing it decides which installer the office's PCs will run: a boss-only
 * setting once roles exist (issue 13).
 */
import type { UpdateFeedSettings } from '../../../shared/api/settings';
import { DomainError } from '../../../shared/errors';
import { isAcceptableUpdateFeed, UPDATE_FEED_URL_MESSAGE } from '../../../shared/validators/updateFeedUrl';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from './settingsStore';

export const UPDATE_FEED_KEY = 'updates.feedUrl';

export function getUpdateFeed(ctx: ServiceContext): UpdateFeedSettings {
  const v = readSetting<unknown>(ctx, UPDATE_FEED_KEY)?.value;
  return { feedUrl: typeof v === 'string' ? v : '' };
}

export function updateUpdateFeed(ctx: ServiceContext, input: UpdateFeedSettings): UpdateFeedSettings {
  // Also here, not only in the zod schema: any future caller of the service (import, sync apply) meets the same rule.
  if (!isAcceptableUpdateFeed(input.feedUrl)) throw new DomainError('validation', UPDATE_FEED_URL_MESSAGE, 'feedUrl');
  return ctx.db.transaction(() => {
    const before = getUpdateFeed(ctx);
    writeSetting(ctx, UPDATE_FEED_KEY, input.feedUrl);
    recordChange(ctx, { entity: 'settings', entityId: UPDATE_FEED_KEY, action: 'update', before, after: input, tables: ['settings'] });
    return getUpdateFeed(ctx);
  });
}
