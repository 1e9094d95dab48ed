/**
 * Which TrueType font the statement PDF uses. Pure: the file system is passed
 * in as `exists`, so the choice is testable with any set of paths.
 *
 * The app ships Noto Sans SC (OFL) Regular and Bold; a setting may name an
 * installed system font instead (an office that wants 黑体 or 等线 to match its
 * other documents). Only single-font files are accepted: pdfmake/fontkit can
 * open a face inside a .ttc collection, but subsetting from collections is
 * unreliable and makes PDFs several times larger (measured with Debian's Noto
 * CJK .ttc), so a .ttc preference falls back to the bundled font with a
 * warning the settings screen can show.
 */
import { DomainError } from '../../../../shared/errors';
import type { PdfFontFiles } from './types';

export const BUNDLED_FONT_FAMILY = 'NotoSansSC';
export const BUNDLED_FONT_FILES = { normal: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf' } as const;

export interface ResolvedPdfFont extends PdfFontFiles {
  source: 'system' | 'bundled';
  /** Set when a preferred font was given but not used, saying why (Chinese, for the settings screen). */
  warning?: string;
}

export interface ResolvePdfFontInput {
  /** Path of an installed system .ttf/.otf chosen in settings, or null for the bundled font. */
  preferred: string | null;
  /** Folder holding the bundled NotoSansSC TTFs (resources/fonts, or the packaged resources dir). */
  bundledDir: string;
  exists: (path: string) => boolean;
}

export interface SystemFontCandidate {
  /** Name shown in the settings list. */
  label: string;
  path: string;
  /** A matching bold face in its own file, when the family has one. */
  boldPath?: string;
}

const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;
const extensionOf = (path: string): string => {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
};
/** Join without node:path so the function stays pure and works for either separator style. */
const joinPath = (dir: string, file: string): string => {
  const separator = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + file : dir + separator + file;
};
/** A pdfmake family key: letters and digits only, so it can never collide with the bundled family. */
const familyFromFile = (path: string): string =>
  'System' + baseName(path).replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9]/g, '');

/**
 * Typical places of Chinese fonts that exist as single .ttf/.otf files. On
 * Windows, 微软雅黑 (msyh) and 宋体 (simsun) are .ttc collections since Windows
 * 8 / XP respectively, so they are not offered; 黑体, 楷体, 仿宋 and 等线 are
 * plain TrueType files. On Linux most distributions ship Noto CJK / WenQuanYi
 * (and AR PL, WenQuanYi) as .ttc; a few packages install single files (Droid
 * fallback, Source Han Sans .otf). Fonts elsewhere can still be picked by path.
 */
export function systemFontCandidates(platform: string): SystemFontCandidate[] {
  if (platform === 'win32') {
    const dir = 'C:\\Windows\\Fonts\\';
    return [
      { label: '等线 DengXian', path: `${dir}Deng.ttf`, boldPath: `${dir}Dengb.ttf` },
      { label: '黑体 SimHei', path: `${dir}simhei.ttf` },
      { label: '楷体 KaiTi', path: `${dir}simkai.ttf` },
      { label: '仿宋 FangSong', path: `${dir}simfang.ttf` },
      // Windows 7 still had 微软雅黑 as single files.
      { label: '微软雅黑 Microsoft YaHei (Windows 7)', path: `${dir}msyh.ttf`, boldPath: `${dir}msyhbd.ttf` },
    ];
  }
  if (platform === 'darwin') {
    return [
      { label: 'Arial Unicode MS', path: '/Library/Fonts/Arial Unicode.ttf' },
      { label: 'Arial Unicode MS', path: '/System/Library/Fonts/Supplemental/Arial Unicode.ttf' },
    ];
  }
  return [
    {
      label: '思源黑体 Source Han Sans CN',
      path: '/usr/share/fonts/adobe-source-han-sans/SourceHanSansCN-Regular.otf',
      boldPath: '/usr/share/fonts/adobe-source-han-sans/SourceHanSansCN-Bold.otf',
    },
    { label: 'Droid Sans Fallback', path: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf' },
  ];
}

/** The bold companion of a known system font, by file name (case-insensitive, as Windows paths are). */
function boldCompanion(preferred: string, exists: (path: string) => boolean): string | null {
  const name = baseName(preferred).toLowerCase();
  for (const platform of ['win32', 'darwin', 'linux']) {
    for (const candidate of systemFontCandidates(platform)) {
      if (!candidate.boldPath || baseName(candidate.path).toLowerCase() !== name) continue;
      const dir = preferred.slice(0, preferred.length - baseName(preferred).length);
      const bold = dir + baseName(candidate.boldPath);
      if (exists(bold)) return bold;
    }
  }
  return null;
}

export function resolvePdfFont(input: ResolvePdfFontInput): ResolvedPdfFont {
  const { preferred, bundledDir, exists } = input;
  let warning: string | undefined;

  if (preferred !== null && preferred.trim() !== '') {
    const extension = extensionOf(preferred);
    if (extension === 'ttc' || extension === 'otc') {
      warning =
        `所选字体 ${baseName(preferred)} 是字体集合（.ttc），无法可靠地嵌入 PDF，` + '已改用内置的 Noto Sans SC 字体。';
    } else if (extension !== 'ttf' && extension !== 'otf') {
      warning =
        `所选字体 ${baseName(preferred)} 不是 TrueType/OpenType 字体文件（.ttf/.otf），` + '已改用内置字体。';
    } else if (!exists(preferred)) {
      warning = `找不到所选字体 ${preferred}，已改用内置字体。`;
    } else {
      // A system font without a separate bold file is used for bold text too:
      // headings then rely on size, which reads better than a missing glyph.
      const bold = boldCompanion(preferred, exists) ?? preferred;
      return { family: familyFromFile(preferred), normal: preferred, bold, source: 'system' };
    }
  }

  const normal = joinPath(bundledDir, BUNDLED_FONT_FILES.normal);
  const bold = joinPath(bundledDir, BUNDLED_FONT_FILES.bold);
  if (!exists(normal)) {
    throw new DomainError(
      'internal',
      `找不到生成对账单所需的中文字体：内置字体 ${normal} 不存在${warning ? `（${warning}）` : ''}。` +
        '请重新安装本程序，或在设置中选择一个已安装的 .ttf 中文字体。',
      'settings.pdfFont',
    );
  }
  const resolved: ResolvedPdfFont = {
    family: BUNDLED_FONT_FAMILY,
    normal,
    // A missing Bold file is not worth failing a statement for: bold falls back to Regular.
    bold: exists(bold) ? bold : normal,
    source: 'bundled',
  };
  if (warning) resolved.warning = warning;
  return resolved;
}
