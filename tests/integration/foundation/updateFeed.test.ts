import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updaterFeed, UPDATE_URL_SETTING } from '../../../electron/main/updaterConfig';
import { UPDATE_FEED_KEY } from '../../../electron/services/settings/updateFeed';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

describe('update feed setting', () => {
  it('is empty (updates off) until set, then feeds the Electron updater config', async () => {
    expect(await t.rt.invoke('settings.getUpdateFeed', {})).toEqual({ feedUrl: '' });
    expect(UPDATE_FEED_KEY).toBe(UPDATE_URL_SETTING);
    await t.rt.invoke('settings.updateUpdateFeed', { feedUrl: 'http://192.168.1.10/dealerdesk/' });
    const { feedUrl } = await t.rt.invoke<{ feedUrl: string }>('settings.getUpdateFeed', {});
    expect(updaterFeed(feedUrl)).toEqual({ provider: 'generic', url: 'http://192.168.1.10/dealerdesk/' });
    const audit = t.rt.database().sqlite.prepare(`SELECT entity_id FROM audit_log WHERE entity = 'settings'`).all();
    expect(audit).toEqual([{ entity_id: 'updates.feedUrl' }]);
  });

  it('refuses file:// and UNC addresses with a message, and keeps the old value', async () => {
    for (const feedUrl of ['file:///c:/updates', '\\\\nas\\updates']) {
      const r = await t.rt.call('settings.updateUpdateFeed', { feedUrl });
      expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'feedUrl' } });
    }
    expect(await t.rt.invoke('settings.getUpdateFeed', {})).toEqual({ feedUrl: '' });
  });
});
