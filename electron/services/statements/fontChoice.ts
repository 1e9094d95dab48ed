/**
 * Where the bundled PDF font is, and which font a statement is printed with
 * (the setting's system font when usable, else the bundled Noto Sans SC).
 *
 * The Electron main process sets DEALERDESK_RESOURCES_DIR to the packaged
 * resources folder. The CLI bundle (out/cli), the tests (sources) and the
 * bench run from different depths of the repository, so without the variable
 * the folder is looked for upwards from this module and from the working
 * directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BUNDLED_FONT_FILES, resolvePdfFont, systemFontCandidates, type ResolvedPdfFont } from './pdf/fonts';

function hasBundledFont(resourcesDir: string): boolean {
  return fs.existsSync(path.join(resourcesDir, 'fonts', BUNDLED_FONT_FILES.normal));
}

/** The app's resources folder (holding fonts/), or the best guess when none has the font. */
export function resourcesDir(env: Record<string, string | undefined> = process.env): string {
  const configured = env.DEALERDESK_RESOURCES_DIR;
  if (configured) return configured;
  const starts = [typeof __dirname === 'string' ? __dirname : null, process.cwd()].filter((s): s is string => s !== null);
  for (const start of starts) {
    let dir = start;
    for (let depth = 0; depth < 6; depth++) {
      const candidate = path.join(dir, 'resources');
      if (hasBundledFont(candidate)) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return path.join(process.cwd(), 'resources');
}

export function statementFont(preferred: string | null): ResolvedPdfFont {
  return resolvePdfFont({ preferred, bundledDir: path.join(resourcesDir(), 'fonts'), exists: (p) => fs.existsSync(p) });
}

/** Known Chinese system fonts present on this computer, for the settings list. */
export function installedFontCandidates(platform: string = process.platform): { label: string; path: string }[] {
  const seen = new Set<string>();
  return systemFontCandidates(platform)
    .filter((c) => fs.existsSync(c.path) && !seen.has(c.path) && seen.add(c.path))
    .map(({ label, path: file }) => ({ label, path: file }));
}
