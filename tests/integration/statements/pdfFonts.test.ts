/**
 * The PDF font choice, against fake file systems for every branch and against
 * the fonts actually installed on this machine (which, on Debian with
 * fonts-noto-cjk, are .ttc collections plus DejaVu .ttf files).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/errors';
import { resolvePdfFont, systemFontCandidates } from '../../../electron/services/statements/pdf/fonts';
import { renderPdf } from '../../../electron/services/statements/pdf/renderPdf';

const bundledDir = resolve('resources/fonts');
const fakeFs = (...paths: string[]) => {
  const set = new Set(paths);
  return (path: string) => set.has(path);
};

/** Installed font files, from fontconfig when present, else by scanning /usr/share/fonts. */
function installedFonts(): string[] {
  try {
    const out = execFileSync('fc-list', ['--format', '%{file}\n'], { encoding: 'utf8' });
    return [...new Set(out.split('\n').filter((line) => line !== ''))];
  } catch {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ttf|otf|ttc)$/i.test(name)) found.push(path);
      }
    };
    if (existsSync('/usr/share/fonts')) walk('/usr/share/fonts');
    return found;
  }
}

/** Files fontconfig says cover Chinese. */
function chineseFonts(): string[] {
  try {
    const out = execFileSync('fc-list', [':lang=zh', 'file'], { encoding: 'utf8' });
    return out
      .split('\n')
      .map((line) => line.replace(/:\s*$/, '').trim())
      .filter((line) => line !== '');
  } catch {
    return [];
  }
}

describe('resolvePdfFont', () => {
  it('uses the bundled Noto Sans SC when no system font is preferred', () => {
    const exists = fakeFs('/app/fonts/NotoSansSC-Regular.ttf', '/app/fonts/NotoSansSC-Bold.ttf');
    const font = resolvePdfFont({ preferred: null, bundledDir: '/app/fonts', exists });
    expect(font).toEqual({
      family: 'NotoSansSC',
      normal: '/app/fonts/NotoSansSC-Regular.ttf',
      bold: '/app/fonts/NotoSansSC-Bold.ttf',
      source: 'bundled',
    });
  });

  it('joins Windows folders with a backslash and falls back to Regular for bold when Bold is missing', () => {
    const dir = 'C:\\Program Files\\DealerDesk\\resources\\fonts';
    const font = resolvePdfFont({ preferred: '', bundledDir: dir, exists: fakeFs(`${dir}\\NotoSansSC-Regular.ttf`) });
    expect(font.normal).toBe(`${dir}\\NotoSansSC-Regular.ttf`);
    expect(font.bold).toBe(font.normal);
    expect(font.source).toBe('bundled');
  });

  it('uses an existing preferred .ttf or .otf, with its bold companion when a known family has one', () => {
    const exists = fakeFs('C:\\Windows\\Fonts\\simhei.ttf', 'C:\\Windows\\Fonts\\Deng.ttf', 'C:\\Windows\\Fonts\\Dengb.ttf');
    const simhei = resolvePdfFont({ preferred: 'C:\\Windows\\Fonts\\simhei.ttf', bundledDir: 'x', exists });
    expect(simhei).toEqual({
      family: 'Systemsimhei',
      normal: 'C:\\Windows\\Fonts\\simhei.ttf',
      bold: 'C:\\Windows\\Fonts\\simhei.ttf',
      source: 'system',
    });
    const deng = resolvePdfFont({ preferred: 'C:\\Windows\\Fonts\\Deng.ttf', bundledDir: 'x', exists });
    expect(deng.bold).toBe('C:\\Windows\\Fonts\\Dengb.ttf');
    expect(deng.warning).toBeUndefined();
    const otf = resolvePdfFont({ preferred: '/opt/fonts/Han.OTF', bundledDir: 'x', exists: fakeFs('/opt/fonts/Han.OTF') });
    expect(otf.source).toBe('system');
  });

  it('refuses a .ttc collection and says why, using the bundled font', () => {
    const exists = fakeFs('C:\\Windows\\Fonts\\msyh.ttc', 'b/NotoSansSC-Regular.ttf', 'b/NotoSansSC-Bold.ttf');
    const font = resolvePdfFont({ preferred: 'C:\\Windows\\Fonts\\msyh.ttc', bundledDir: 'b', exists });
    expect(font.source).toBe('bundled');
    expect(font.warning).toMatch(/msyh\.ttc.*字体集合/);
  });

  it('falls back with a warning when the preferred font is missing or not a font file', () => {
    const exists = fakeFs('b/NotoSansSC-Regular.ttf', 'b/NotoSansSC-Bold.ttf', '/home/me/font.woff2');
    expect(resolvePdfFont({ preferred: '/gone/simhei.ttf', bundledDir: 'b', exists }).warning).toMatch(/找不到/);
    expect(resolvePdfFont({ preferred: '/home/me/font.woff2', bundledDir: 'b', exists }).warning).toMatch(/\.ttf\/\.otf/);
  });

  it('throws a clear DomainError when no usable font exists at all', () => {
    const attempt = () => resolvePdfFont({ preferred: 'C:\\Windows\\Fonts\\simsun.ttc', bundledDir: '/nowhere', exists: () => false });
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(/找不到生成对账单所需的中文字体.*simsun\.ttc/);
  });

  it('lists single-file Chinese fonts per platform, never a collection', () => {
    for (const platform of ['win32', 'linux', 'darwin']) {
      const candidates = systemFontCandidates(platform);
      expect(candidates.length).toBeGreaterThan(0);
      for (const candidate of candidates) {
        expect(candidate.path).toMatch(/\.(ttf|otf)$/i);
        if (candidate.boldPath) expect(candidate.boldPath).toMatch(/\.(ttf|otf)$/i);
      }
    }
    expect(systemFontCandidates('win32').map((c) => c.path)).toContain('C:\\Windows\\Fonts\\simhei.ttf');
  });
});

describe('resolvePdfFont with the fonts installed here', () => {
  const installed = installedFonts();
  const chinese = chineseFonts();

  it('finds the bundled fonts in resources/fonts', () => {
    const font = resolvePdfFont({ preferred: null, bundledDir, exists: existsSync });
    expect(font.source).toBe('bundled');
    expect(existsSync(font.normal) && existsSync(font.bold)).toBe(true);
  });

  it('turns every installed Chinese .ttc down for the bundled font, and accepts installed .ttf/.otf files', () => {
    expect(installed.length).toBeGreaterThan(0);
    for (const path of chinese.length > 0 ? chinese : installed) {
      const font = resolvePdfFont({ preferred: path, bundledDir, exists: existsSync });
      if (/\.tt[c]$|\.otc$/i.test(path)) {
        expect(font.source, path).toBe('bundled');
        expect(font.warning, path).toMatch(/字体集合/);
      } else {
        expect(font.source, path).toBe('system');
        expect(font.normal).toBe(path);
      }
    }
    const singleFile = installed.find((path) => /\.(ttf|otf)$/i.test(path));
    if (singleFile) {
      const font = resolvePdfFont({ preferred: singleFile, bundledDir, exists: existsSync });
      expect(font).toMatchObject({ source: 'system', normal: singleFile });
    }
  });

  it('renders with an installed system .ttf when one exists', async () => {
    const singleFile = installed.find((path) => /\.ttf$/i.test(path));
    if (!singleFile) return; // nothing single-file installed: the fake-fs tests above cover the branch
    const font = resolvePdfFont({ preferred: singleFile, bundledDir, exists: existsSync });
    const { bytes, pages } = await renderPdf(
      {
        pageSize: 'A4',
        pageOrientation: 'portrait',
        pageMargins: [40, 40, 40, 40],
        content: ['Statement 2026-11'],
        defaultStyle: { font: font.family },
      },
      font,
    );
    expect(pages).toBe(1);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
