import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updaterFeed, UPDATE_URL_SETTING } from '../../../electron/main/updaterConfig';
import { UPDATE_FEED_KEY, updateUpdateFeed } from '../../../electron/services/settings/updateFeed';
import { writeSetting } from '../../../electron/services/settings/settingsStore';
import { DomainError } from '../../../shared/errors';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

const auditRows = () => t.rt.database().sqlite.prepare(`SELECT entity_id FROM audit_log WHERE entity = 'settings'`).all();

describe('update feed setting', () => {
  it('is empty (updates off) until set, then feeds the Electron updater config', async () => {
    expect(await t.rt.invoke('settings.getUpdateFeed', {})).toEqual({ feedUrl: '' });
    expect(UPDATE_FEED_KEY).toBe(UPDATE_URL_SETTING);
    await t.rt.invoke('settings.updateUpdateFeed', { feedUrl: 'https://192.168.1.10/dealerdesk/' });
    const { feedUrl } = await t.rt.invoke<{ feedUrl: string }>('settings.getUpdateFeed', {});
    expect(updaterFeed(feedUrl)).toEqual({ provider: 'generic', url: 'https://192.168.1.10/dealerdesk/' });
    expect(auditRows()).toEqual([{ entity_id: 'updates.feedUrl' }]);
    // Empty switches the updater off again.
    await t.rt.invoke('settings.updateUpdateFeed', { feedUrl: '' });
    expect(await t.rt.invoke('settings.getUpdateFeed', {})).toEqual({ feedUrl: '' });
  });

  it('refuses http://, file://, UNC and credentials with a Chinese message naming the field, and keeps the old value', async () => {
    await t.rt.invoke('settings.updateUpdateFeed', { feedUrl: 'https://nas.office.lan/updates/' });
    for (const feedUrl of ['http://attacker.example/', 'http://192.168.1.10/dealerdesk/', 'file:///c:/updates', '\\\\nas\\updates', 'https://u:p@nas/updates']) {
      const r = await t.rt.call('settings.updateUpdateFeed', { feedUrl });
      expect(r, feedUrl).toMatchObject({ ok: false, error: { code: 'validation', field: 'feedUrl' } });
      if (!r.ok) expect(r.error.message).toContain('https://');
    }
    expect(await t.rt.invoke('settings.getUpdateFeed', {})).toEqual({ feedUrl: 'https://nas.office.lan/updates/' });
    expect(auditRows()).toHaveLength(1);
  });

  it('the service itself refuses http, whoever calls it past the schema', () => {
    expect(() => updateUpdateFeed(t.rt.context(), { feedUrl: 'http://attacker.example/' })).toThrow(DomainError);
    expect(auditRows()).toEqual([]);
  });

  it('an http:// address saved by an older version is shown but never used by the updater', async () => {
    writeSetting(t.rt.context(), UPDATE_FEED_KEY, 'http://attacker.example/');
    const { feedUrl } = await t.rt.invoke<{ feedUrl: string }>('settings.getUpdateFeed', {});
    expect(feedUrl).toBe('http://attacker.example/');
    expect(updaterFeed(feedUrl)).toBeNull();
  });
});
