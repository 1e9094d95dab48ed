/**
 * A small argv parser: positionals, `--flag`, `--flag value`, `--flag=value`,
 * and `key=value` words (for `settings set`). Flags that take no value are
 * declared so `--json FILE` is not misread.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

const BOOLEAN_FLAGS = new Set(['json', 'help', 'version', 'dry-run', 'all', 'force']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h') flags.set('help', true);
    else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (!name) throw new UsageError(`无法识别的参数：${a}`);
      if (eq > 0) flags.set(name, a.slice(eq + 1));
      else if (BOOLEAN_FLAGS.has(name)) flags.set(name, true);
      else {
        const v = argv[i + 1];
        if (v === undefined || v.startsWith('--')) throw new UsageError(`参数 --${name} 需要一个值`);
        flags.set(name, v);
        i++;
      }
    } else positionals.push(a);
  }
  return { positionals, flags };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  if (v === true) throw new UsageError(`参数 --${name} 需要一个值`);
  return v;
}

export function requiredFlag(args: ParsedArgs, name: string): string {
  const v = stringFlag(args, name);
  if (v === undefined) throw new UsageError(`缺少参数 --${name}`);
  return v;
}

export const hasFlag = (args: ParsedArgs, name: string): boolean => args.flags.has(name);

/** Refuses flags the command does not know, so a typo is not silently ignored. */
export function checkFlags(args: ParsedArgs, allowed: readonly string[]): void {
  // --user: who logs in (issue 13); every command accepts it, writes need it once users exist.
  const ok = new Set([...allowed, 'db', 'json', 'help', 'user']);
  for (const f of args.flags.keys()) if (!ok.has(f)) throw new UsageError(`此命令不支持参数 --${f}`);
}
