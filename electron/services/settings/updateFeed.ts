/**
 * The update server address (electron-updater's generic provider): an
 * HTTP(S) URL such as a LAN web server; empty switches updates off. The
 * Electron main process reads the same key at start (electron/main/updaterConfig.ts).
 */
import type { UpdateFeedSettings } from '../../../shared/api/settings';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from './settingsStore';

export const UPDATE_FEED_KEY = 'updates.feedUrl';

export function getUpdateFeed(ctx: ServiceContext): UpdateFeedSettings {
  const v = readSetting<unknown>(ctx, UPDATE_FEED_KEY)?.value;
  return { feedUrl: typeof v === 'string' ? v : '' };
}

export function updateUpdateFeed(ctx: ServiceContext, input: UpdateFeedSettings): UpdateFeedSettings {
  return ctx.db.transaction(() => {
    const before = getUpdateFeed(ctx);
    writeSetting(ctx, UPDATE_FEED_KEY, input.feedUrl);
    recordChange(ctx, { entity: 'settings', entityId: UPDATE_FEED_KEY, action: 'update', before, after: input, tables: ['settings'] });
    return getUpdateFeed(ctx);
  });
}
