/** Looking up a dotted key in a catalogue, with {name} placeholders. */
import { en } from './en';
import { zhCN, type Messages } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export const catalogues: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

/**
 * Each message split once at its {name} placeholders: literal, name, literal, …
 * (the alert list words thousands of sentences per computation; a regular
 * expression run per sentence cost more than the rules' own reads).
 */
const templates = new Map<string, string[]>();

function templateOf(locale: Locale, key: MessageKey): string[] {
  const cacheKey = `${locale}|${key}`;
  let parts = templates.get(cacheKey);
  if (parts === undefined) {
    let node: unknown = catalogues[locale];
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    parts = (typeof node === 'string' ? node : key).split(/\{(\w+)\}/);
    templates.set(cacheKey, parts);
  }
  return parts;
}

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const parts = templateOf(locale, key);
  if (!vars) return parts.length === 1 ? parts[0] : parts.map((p, i) => (i % 2 === 1 ? `{${p}}` : p)).join('');
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += String(vars[parts[i]] ?? `{${parts[i]}}`) + parts[i + 1];
  return out;
}
