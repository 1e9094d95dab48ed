/**
 * Checklist 15 (shell.openExternal only with vetted content): https only,
 * and nothing reaches shell.openExternal without the user's "open".
 */
import { describe, expect, it } from 'vitest';
import {
  createExternalLinkOpener,
  externalLinkConfirmation,
  OPEN_BUTTON,
  vetExternalUrl,
  type ConfirmDialog,
} from '../../../electron/main/externalLinks';
import { desktopEn, desktopZh } from '../../../shared/i18n/areas/desktop';

describe('vetExternalUrl', () => {
  it('accepts https links and returns the parsed form', () => {
    expect(vetExternalUrl('https://www.gsxt.gov.cn/corp-query')).toEqual({ ok: true, url: 'https://www.gsxt.gov.cn/corp-query', host: 'www.gsxt.gov.cn' });
    expect(vetExternalUrl('HTTPS://Example.COM:8443/a?b=1#c')).toEqual({ ok: true, url: 'https://example.com:8443/a?b=1#c', host: 'example.com:8443' });
  });

  it('shows a look-alike Unicode host in its punycode form', () => {
    const v = vetExternalUrl('https://аpple.com/'); // Cyrillic а
    expect(v.ok && v.host).toBe('xn--pple-43d.com');
  });

  it('refuses everything else, with the reason', () => {
    const cases: [string, string][] = [
      ['http://example.com/', 'not-https'],
      ['file:///C:/Windows/system32/calc.exe', 'not-https'],
      ['ms-msdt:/id PCWDiagnostic', 'not-https'],
      ['smb://server/share/x.exe', 'not-https'],
      ['javascript:alert(1)', 'not-https'],
      ['mailto:a@b.c', 'not-https'],
      ['https://bank.example@evil.example/', 'credentials'],
      ['https://u:p@example.com/', 'credentials'],
      ['https://exa\nmple.com/', 'control-characters'],
      [`https://example.com/${'a'.repeat(2100)}`, 'too-long'],
      ['www.example.com', 'unparseable'],
      ['', 'unparseable'],
    ];
    for (const [url, reason] of cases) expect(vetExternalUrl(url), url).toEqual({ ok: false, reason });
  });
});

describe('externalLinkConfirmation', () => {
  it('names the host and the full address, with Cancel as the default and the Esc answer', () => {
    const d = externalLinkConfirmation({ url: 'https://www.gsxt.gov.cn/x', host: 'www.gsxt.gov.cn' }, desktopZh);
    expect(d.message).toBe('要在浏览器中打开 www.gsxt.gov.cn 吗？');
    expect(d.detail).toContain('https://www.gsxt.gov.cn/x');
    expect(d.buttons).toEqual(['在浏览器中打开', '取消']);
    expect(d.buttons[OPEN_BUTTON]).toBe('在浏览器中打开');
    expect(d.defaultId).not.toBe(OPEN_BUTTON);
    expect(d.cancelId).not.toBe(OPEN_BUTTON);
    expect(externalLinkConfirmation({ url: 'https://a.b/', host: 'a.b' }, desktopEn).message).toBe('Open a.b in your browser?');
  });
});

function harness(answer: number | (() => Promise<number>)) {
  const asked: ConfirmDialog[] = [];
  const opened: string[] = [];
  const warnings: string[] = [];
  const open = createExternalLinkOpener({
    confirm: (d) => {
      asked.push(d);
      return typeof answer === 'number' ? Promise.resolve(answer) : answer();
    },
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    messages: () => desktopZh,
    log: { info: () => undefined, warn: (m) => warnings.push(m) },
  });
  return { open, asked, opened, warnings };
}

describe('createExternalLinkOpener', () => {
  it('opens a vetted link only after the user chose "open"', async () => {
    const h = harness(OPEN_BUTTON);
    expect(await h.open('https://www.gsxt.gov.cn/')).toBe('opened');
    expect(h.asked).toHaveLength(1);
    expect(h.opened).toEqual(['https://www.gsxt.gov.cn/']);
  });

  it('opens nothing when the user cancels or closes the dialog', async () => {
    const h = harness(1);
    expect(await h.open('https://www.gsxt.gov.cn/')).toBe('cancelled');
    expect(h.opened).toEqual([]);
  });

  it('never even asks about an unvetted link', async () => {
    const h = harness(OPEN_BUTTON);
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'ms-msdt:/id x', 'https://a@b.c/']) {
      expect(await h.open(url), url).toBe('refused');
    }
    expect(h.asked).toEqual([]);
    expect(h.opened).toEqual([]);
    expect(h.warnings).toHaveLength(4);
  });

  it('asks one question at a time: links requested while a dialog is open are dropped', async () => {
    let release: (n: number) => void = () => undefined;
    const h = harness(() => new Promise<number>((resolve) => (release = resolve)));
    const first = h.open('https://one.example/');
    expect(await h.open('https://two.example/')).toBe('busy');
    release(OPEN_BUTTON);
    expect(await first).toBe('opened');
    expect(h.opened).toEqual(['https://one.example/']);
    // Free again afterwards.
    const third = h.open('https://three.example/');
    release(1);
    expect(await third).toBe('cancelled');
  });

  it('never rejects, even when the dialog fails', async () => {
    const h = harness(() => Promise.reject(new Error('no window')));
    expect(await h.open('https://a.example/')).toBe('refused');
    expect(h.opened).toEqual([]);
  });
});
