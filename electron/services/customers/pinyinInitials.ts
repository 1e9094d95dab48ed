/**
 * Pinyin initials of names for search: typing `bjhd` finds 北京华东商贸.
 *
 * Polyphonic characters keep every reading, because clerks type what they
 * say and people disagree (重庆 is cq, but zq is typed too; 长沙 cs / zs).
 * The reading pinyin-pro picks from context comes first; the others follow
 * ordered by how few characters deviate from it, capped so a name full of
 * polyphonic characters cannot explode into thousands of variants.
 *
 * pinyin-pro carries a ~300 KB dictionary; it is loaded on first use (only
 * writes need it: searches read the stored initials), so the CLI and the app
 * start without paying for it.
 */
type PinyinPro = typeof import('pinyin-pro');

export const MAX_INITIALS_VARIANTS = 32;

let engine: PinyinPro | null = null;
let loading: Promise<PinyinPro> | null = null;

/** Loads pinyin-pro once. Every service that computes initials awaits this before its (synchronous) transaction. */
export function loadPinyin(): Promise<PinyinPro> {
  if (engine) return Promise.resolve(engine);
  loading ??= import('pinyin-pro').then(
    (mod: PinyinPro & { default?: PinyinPro }) => {
      // CommonJS interop differs between Node, vitest and the esbuild bundle; accept both shapes.
      engine = typeof mod.pinyin === 'function' ? mod : (mod.default ?? mod);
      return engine;
    },
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

function loaded(): PinyinPro {
  if (!engine) throw new Error('pinyin-pro is not loaded yet: await loadPinyin() before computing initials');
  return engine;
}

/** Letters and digits are kept (ABC贸易 → abcmy); punctuation, brackets and spaces are not typed in a search. */
const KEEP = /^[a-z0-9]$/;

/** Per character: the contextual initial first, then the other readings' initials (deduplicated). */
function initialsPerChar(name: string): string[][] {
  const pp = loaded();
  const text = name.normalize('NFKC');
  const contextual = pp.pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' });
  const all = pp.polyphonic(text, { pattern: 'first', toneType: 'none', type: 'array' });
  const out: string[][] = [];
  // pinyin-pro returns one entry per character (non-Chinese characters as themselves) in both calls.
  const n = Math.min(contextual.length, all.length);
  for (let i = 0; i < n; i++) {
    const options = [contextual[i], ...all[i]].map((s) => s.toLowerCase()).filter((s) => KEEP.test(s));
    const unique = [...new Set(options)];
    if (unique.length) out.push(unique);
  }
  return out;
}

/**
 * Every initials string of a name, the contextual reading first:
 * 重庆华东 → ['cqhd', 'zqhd']. At most MAX_INITIALS_VARIANTS; those with
 * fewer deviations from the contextual reading win when capping.
 */
export function pinyinInitials(name: string, max = MAX_INITIALS_VARIANTS): string[] {
  const chars = initialsPerChar(name);
  if (chars.length === 0) return [];
  const base = chars.map((options) => options[0]);
  const polyphonic = chars.map((options, i) => ({ i, options })).filter((c) => c.options.length > 1);
  const variants: string[] = [base.join('')];
  const seen = new Set(variants);

  // Deviate at k positions for k = 1, 2, …: the combinations in order of plausibility.
  const choose = (from: number, k: number, current: string[]): boolean => {
    if (variants.length >= max) return false;
    if (k === 0) {
      const v = current.join('');
      if (!seen.has(v)) {
        seen.add(v);
        variants.push(v);
      }
      return variants.length < max;
    }
    for (let p = from; p < polyphonic.length; p++) {
      const { i, options } = polyphonic[p];
      for (const alt of options.slice(1)) {
        const next = current.slice();
        next[i] = alt;
        if (!choose(p + 1, k - 1, next)) return false;
      }
    }
    return true;
  };
  for (let k = 1; k <= polyphonic.length && variants.length < max; k++) choose(0, k, base);
  return variants;
}

/**
 * The stored search column: the variants of the name and of the short name,
 * separated by spaces, so a substring match can never span two variants.
 */
export function pinyinSearchText(name: string, shortName = ''): string {
  const variants = new Set([...pinyinInitials(name), ...(shortName ? pinyinInitials(shortName) : [])]);
  return [...variants].join(' ');
}

/**
 * Full pinyin of the contextual reading (北京华东 → "bei jing hua dong"), the
 * sort key that orders names as a Chinese reader expects instead of by code
 * point. Non-Chinese characters are kept, lower-cased.
 */
export function pinyinSortKey(name: string): string {
  const pp = loaded();
  return pp
    .pinyin(name.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    // Brackets and punctuation carry no order; letters and digits do.
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter((s) => s !== '')
    .join(' ');
}

/** Whether a search word can be pinyin initials (letters only), so the initials column is worth matching. */
export const looksLikeInitials = (word: string): boolean => /^[a-z]+$/i.test(word);
