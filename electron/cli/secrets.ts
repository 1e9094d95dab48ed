/**
 * Where the CLI gets a password: an environment variable (scripts), or a
 * prompt with echo off when stdin is a terminal. Never a command-line flag
 * (it would sit in the shell history and the process list).
 */
import { UsageError } from './args';

export async function promptHidden(label: string): Promise<string> {
  // Loaded only to ask: a command given its password by the environment, or none, never needs it.
  const { default: readline } = await import('node:readline');
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(label);
    out._writeToOutput = () => {};
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

export async function secretFrom(env: NodeJS.ProcessEnv, variable: string, label: string): Promise<string> {
  const value = env[variable];
  if (value !== undefined && value !== '') return value;
  if (process.stdin.isTTY) return promptHidden(label);
  throw new UsageError(`请通过环境变量 ${variable} 提供${label.replace(/[：:]\s*$/, '')}（或在终端中运行以输入）`);
}
