/** What a CLI command is: its words, usage text, and a run function. */
import type { AppRuntime } from '../api/runtime';
import type { ParsedArgs } from './args';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CommandEnv {
  args: ParsedArgs;
  /** Remaining positionals after the command words. */
  rest: string[];
  json: boolean;
  io: CliIo;
  /** The database file named by --db / DEALERDESK_DB (for commands that work on the file itself: restore). */
  dbFile: string;
  /**
   * Opens (creating/migrating) the database named by --db / DEALERDESK_DB,
   * logged in as --user when given. `readOnly`: the command only reads, so
   * the quick_check may be skipped when the files are unchanged since one
   * passed (db/checkStamp.ts).
   */
  runtime(opts?: { readOnly?: boolean }): Promise<AppRuntime>;
  /** The process environment (DEALERDESK_PASSWORD, DEALERDESK_NEW_PASSWORD …). */
  environment: NodeJS.ProcessEnv;
}

export interface CliCommand {
  /** e.g. ['settings', 'get'] */
  words: string[];
  usage: string;
  summary: string;
  /** Returns the exit code. */
  run(env: CommandEnv): Promise<number>;
}

export const printJson = (io: CliIo, value: unknown): void => io.out(JSON.stringify(value, null, 2));
