/**
 * dealerdesk — the headless command line over the same runtime and services
 * as the app. stdout carries --json output only; messages go to stderr.
 * Exit codes: 0 ok, 1 refused input / failure, 2 usage error.
 */
import type { ImportInProgress } from '../../shared/api/importProgress';
import os from 'node:os';
import packageJson from '../../package.json';
import { DomainError } from '../../shared/errors';
import type { AppRuntime } from '../api/runtime';
import { resolveDbFile } from '../services/system/dataDir';
import { hasFlag, parseArgs, stringFlag, UsageError } from './args';
import { printJson, type CliIo } from './command';
import { commands, findCommand } from './registry';
import { phase, printPhases } from './timing';
import { cliLogin } from './login';
import { writeStdout } from './stdout';

const APP_VERSION: string = packageJson.version;

function helpText(): string {
  const lines = [
    `DealerDesk 经销往来 ${APP_VERSION} — 命令行`,
    '',
    '用法: dealerdesk <命令> [选项]      (npm run cli -- <命令> [选项])',
    '',
    '命令:',
    ...commands.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    '通用选项:',
    '  --db PATH   数据库文件（或环境变量 DEALERDESK_DB；默认在本机数据目录）',
    '  --user NAME 以该用户登录（已建立用户后，写入命令必须登录；密码取自环境变量 DEALERDESK_PASSWORD 或终端输入）',
    '  --json      在标准输出打印 JSON',
    '  --help      显示帮助      --version   显示版本',
  ];
  return lines.join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  phase('entry');
  let runtime: AppRuntime | null = null;
  let json = false;
  try {
    const args = parseArgs(argv);
    json = hasFlag(args, 'json');
    if (hasFlag(args, 'version')) {
      io.out(APP_VERSION);
      return 0;
    }
    const command = findCommand(args.positionals);
    if (hasFlag(args, 'help') || !args.positionals.length) {
      io.out(command ? `用法: dealerdesk ${command.usage}\n${command.summary}` : helpText());
      return args.positionals.length || hasFlag(args, 'help') ? 0 : 2;
    }
    if (!command) throw new UsageError(`未知命令：${args.positionals.join(' ')}（dealerdesk --help 查看全部命令）`);
    const dbFile = resolveDbFile(stringFlag(args, 'db'), { platform: process.platform, env, homedir: os.homedir() });
    return await command.run({
      args,
      rest: args.positionals.slice(command.words.length),
      json,
      io,
      dbFile,
      environment: env,
      runtime: async (opts = {}) => {
        if (!runtime) {
          // The runtime (database layer with SQLite's JavaScript, zod, Kysely, dispatcher, services) is a chunk of its own:
          // only commands that use the database load it (scripts/build-cli.mjs).
          const { AppRuntime } = await import('../api/runtime');
          phase('runtime');
          const user = os.userInfo().username;
          const actor = { user: `cli:${user}`, device: os.hostname() };
          runtime = await AppRuntime.start({ dbFile, actor, channel: 'cli', outputs: 'anywhere', trustCheckStamp: opts.readOnly === true });
          // Issue 11 point 3: what was read may not hold a running import whole yet; stdout (--json) stays as it is.
          runtime.events.once('importInProgress', (p: ImportInProgress) =>
            io.err(`导入进行中：已写入 ${p.written} / ${p.total} 行，结果暂未包含全部导入数据`),
          );
          phase('open');
          const status = runtime.status();
          if (status.state !== 'ready') throw new DomainError('database', `数据库不可用：${status.reason}`, 'db');
          const migrated = runtime.migratedAtOpen;
          // A read-only command never changes an existing file unannounced: bringing it up to this version's structure (after a backup) is said on stderr.
          if (opts.readOnly && migrated?.applied.length && migrated.backupFile) {
            io.err(`数据库已升级到本版本的结构（${migrated.applied.join('、')}），升级前的备份：${migrated.backupFile}`);
          }
          await cliLogin(runtime, stringFlag(args, 'user'), env);
        }
        return runtime;
      },
    });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`用法错误：${e.message}`);
      return 2;
    }
    if (e instanceof DomainError) {
      if (json && e.details !== undefined) printJson(io, e.details);
      else if (json) printJson(io, { error: e.toData() });
      io.err(`错误${e.field ? `（${e.field}）` : ''}：${e.message}`);
      return 1;
    }
    io.err(`错误：${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    (runtime as AppRuntime | null)?.close();
    printPhases(io);
  }
}

// The bundle's entry is required by bin/dealerdesk.cjs (so it is not require.main), which sets DEALERDESK_CLI_ENTRY; run as a CommonJS script itself, the usual test.
const isEntry = typeof module !== 'undefined' && typeof require !== 'undefined' && require.main === module;
if (isEntry || process.env.DEALERDESK_CLI_ENTRY === '1') {
  runCli(process.argv.slice(2), {
    out: (t) => writeStdout(t + '\n'),
    err: (t) => process.stderr.write(t + '\n'),
  }).then((code) => {
    process.exitCode = code;
  });
}
