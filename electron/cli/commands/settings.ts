import type { CompanyProfile, CompanyProfileInput } from '../../../shared/api/settings';
import { checkFlags, UsageError } from '../args';
import { printJson, type CliCommand } from '../command';

/** The keys `settings set` accepts; each maps to a company profile field. */
export const SETTABLE_KEYS = ['companyName', 'shortName', 'address', 'phone', 'taxId', 'bankName', 'bankAccount'] as const;
type SettableKey = (typeof SETTABLE_KEYS)[number];

export function parseAssignments(words: readonly string[]): Partial<Record<SettableKey, string>> {
  if (!words.length) throw new UsageError(`请给出 key=value，可用的 key：${SETTABLE_KEYS.join(', ')}`);
  const out: Partial<Record<SettableKey, string>> = {};
  for (const w of words) {
    const eq = w.indexOf('=');
    const key = eq > 0 ? w.slice(0, eq) : w;
    if (eq <= 0 || !(SETTABLE_KEYS as readonly string[]).includes(key)) {
      throw new UsageError(`无法识别的设置“${w}”，可用的 key：${SETTABLE_KEYS.join(', ')}`);
    }
    out[key as SettableKey] = w.slice(eq + 1);
  }
  return out;
}

const publicProfile = (p: CompanyProfile) => p;

export const settingsGetCommand: CliCommand = {
  words: ['settings', 'get'],
  usage: 'settings get --db PATH [--json]',
  summary: '显示公司资料',
  async run(env) {
    checkFlags(env.args, []);
    const rt = await env.runtime();
    const profile = await rt.invoke<CompanyProfile>('settings.getCompany', {});
    if (env.json) printJson(env.io, publicProfile(profile));
    else for (const k of SETTABLE_KEYS) env.io.out(`${k}: ${profile[k]}`);
    return 0;
  },
};

export const settingsSetCommand: CliCommand = {
  words: ['settings', 'set'],
  usage: 'settings set --db PATH key=value ... [--json]   (key: ' + SETTABLE_KEYS.join(', ') + ')',
  summary: '修改公司资料',
  async run(env) {
    checkFlags(env.args, []);
    const changes = parseAssignments(env.rest);
    const rt = await env.runtime();
    const current = await rt.invoke<CompanyProfile>('settings.getCompany', {});
    const { logoSha256: _l, updatedAt: _u, ...editable } = current;
    const input: CompanyProfileInput = { ...editable, ...changes };
    const saved = await rt.invoke<CompanyProfile>('settings.updateCompany', input);
    if (env.json) printJson(env.io, publicProfile(saved));
    env.io.err(`已保存：${Object.keys(changes).join(', ')}`);
    return 0;
  },
};
