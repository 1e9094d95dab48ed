/**
 * Parsed fonts kept between PDFs. pdfkit opens every font of every document
 * with fontkit.create(bytes), and a CJK font's tables (a cmap of ~30,000
 * glyphs, GSUB/GPOS, metrics) are decoded again each time: for a one-page
 * statement that was most of its render time and garbage, and it dominated
 * a batch of hundreds. fontkit fonts are immutable once decoded and each
 * document still makes its own subset (font.createSubset()), so sharing the
 * parsed font between documents changes no byte of the output (checked by
 * tests/integration/statements/fontkitCache.test.ts).
 *
 * fontkit's exports are non-configurable getters, so the cached `create` is
 * put in place by replacing the module's entry in Node's require cache
 * BEFORE pdfkit first requires it. If anything here does not work out (a
 * bundler that inlined the modules, a different layout), rendering simply
 * stays uncached.
 */
import { createRequire } from 'node:module';

type FontkitCreate = (buffer: Uint8Array, postscriptName?: string) => unknown;

let installed = false;

/** Call once, before pdfmake (and with it pdfkit) is loaded. Returns whether the cache is active. */
export function installFontkitCache(): boolean {
  if (installed) return true;
  // A switch for the field (and the test that compares bytes with and without the cache).
  if (process.env.DEALERDESK_PDF_FONT_CACHE === 'off') return false;
  try {
    const anchor = typeof __filename === 'string' ? __filename : `${process.cwd()}/index.js`;
    const fromPdfmake = createRequire(createRequire(anchor).resolve('pdfmake'));
    const fromPdfkit = createRequire(fromPdfmake.resolve('pdfkit'));
    const fontkitPath = fromPdfkit.resolve('fontkit');
    const original = fromPdfkit('fontkit') as Record<string, unknown> & { create: FontkitCreate };
    const byBytes = new WeakMap<Uint8Array, Map<string, unknown>>();
    const create: FontkitCreate = (buffer, postscriptName) => {
      let fonts = byBytes.get(buffer);
      if (fonts === undefined) {
        fonts = new Map();
        byBytes.set(buffer, fonts);
      }
      const key = postscriptName ?? '';
      let font = fonts.get(key);
      if (font === undefined) {
        font = original.create(buffer, postscriptName);
        fonts.set(key, font);
      }
      return font;
    };
    // Every other export stays the original (getters read through to fontkit's own values).
    const wrapped: Record<string, unknown> = Object.create(original) as Record<string, unknown>;
    Object.defineProperty(wrapped, 'create', { value: create, enumerable: true });
    const entry = fromPdfkit.cache[fontkitPath];
    if (!entry) return false;
    entry.exports = wrapped;
    installed = true;
    return true;
  } catch {
    return false;
  }
}
