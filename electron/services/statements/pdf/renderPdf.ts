/**
 * Turns a document definition into PDF bytes with pdfmake 0.3.
 *
 * pdfmake (with pdfkit and fontkit) is imported lazily: it costs a noticeable
 * part of a second to load, and most CLI commands and app start-ups never
 * print a statement. The fonts are embedded as subsets by pdfkit, which keeps
 * a one-page statement in the tens of kilobytes although the CJK font files
 * are about 10 MB each.
 */
import { readFile, stat } from 'node:fs/promises';
import { installFontkitCache } from './fontkitCache';
import type { PdfDocDefinition, PdfFontFiles } from './types';

type PdfMake = typeof import('pdfmake');

let loading: Promise<PdfMake> | null = null;

function loadPdfMake(): Promise<PdfMake> {
  // Before pdfkit loads, so it picks up the shared parsed fonts (see fontkitCache.ts).
  if (loading === null) installFontkitCache();
  loading ??= import('pdfmake').then((ns) => {
    // A CommonJS module seen through ESM interop (vitest, bundlers) arrives as
    // { default: instance }; calling through the namespace would lose `this`.
    const withDefault = ns as PdfMake & { default?: PdfMake };
    const pdfmake = withDefault.default ?? withDefault;
    // A statement needs neither the network nor any file: fonts are handed
    // over from memory (below) and the logo is a data URL. Denying both also
    // silences the warning pdfmake prints per PDF when no policy is set.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    return pdfmake;
  });
  return loading;
}

/**
 * Font files by path, size and modification time -> key in pdfmake's
 * in-memory file system. Reading two 10 MB files for every PDF was a fifth of
 * the time of a one-page statement and, in a batch of hundreds, gigabytes of
 * needless reads and garbage; a replaced file (new size or mtime) is read again.
 */
const fontKeys = new Map<string, string>();

async function fontKey(pdfmake: PdfMake, path: string): Promise<string> {
  const info = await stat(path);
  const identity = `${path}\u0000${info.size}\u0000${info.mtimeMs}`;
  let key = fontKeys.get(identity);
  if (key === undefined || !pdfmake.virtualfs.existsSync(key)) {
    key = `dealerdesk-font-${fontKeys.size + 1}`;
    pdfmake.virtualfs.writeFileSync(key, await readFile(path));
    fontKeys.set(identity, key);
  }
  return key;
}

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

/** /Count of the root /Pages object: pdfkit writes object dictionaries uncompressed. */
export function pageCountOf(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  const match = /\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/.exec(text);
  if (!match) throw new Error('PDF has no page tree');
  return Number(match[1] ?? match[2]);
}

export async function renderPdf(docDefinition: PdfDocDefinition, font: PdfFontFiles): Promise<RenderedPdf> {
  const pdfmake = await loadPdfMake();
  const normal = await fontKey(pdfmake, font.normal);
  const bold = font.bold === font.normal ? normal : await fontKey(pdfmake, font.bold);
  // A fresh object per call: pdfmake captures it when createPdf starts, so a
  // render already in flight keeps the fonts it began with.
  pdfmake.setFonts({ [font.family]: { normal, bold, italics: normal, bolditalics: bold } });

  // The page count comes from pdfmake's own footer call (it passes the total);
  // a definition without a footer falls back to reading the page tree.
  let pagesSeen = 0;
  const footer = docDefinition.footer;
  const definition: PdfDocDefinition = {
    ...docDefinition,
    // pdfmake writes into a few top-level fields; keep the caller's object intact.
    images: docDefinition.images ? { ...docDefinition.images } : undefined,
    info: docDefinition.info ? { ...docDefinition.info } : undefined,
    footer: footer
      ? (currentPage, pageCount) => {
          pagesSeen = pageCount;
          return footer(currentPage, pageCount);
        }
      : undefined,
  };

  const bytes = await pdfmake.createPdf(definition).getBuffer();
  return { bytes, pages: pagesSeen > 0 ? pagesSeen : pageCountOf(bytes) };
}
