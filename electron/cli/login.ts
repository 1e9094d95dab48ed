/**
 * The CLI's login (issue 13 point 8): with --user, the process's 'cli'
 * session logs in with the password from DEALERDESK_PASSWORD or a prompt.
 * Without it, a database that has users answers read commands only (the
 * dispatcher refuses writes with a message naming --user); a database with no
 * users behaves as before.
 */
import type { AuthStatus } from '../../shared/api/auth';
import type { AppRuntime } from '../api/runtime';
import { secretFrom } from './secrets';

export async function cliLogin(rt: AppRuntime, username: string | undefined, env: NodeJS.ProcessEnv): Promise<void> {
  if (username === undefined) return;
  const status = await rt.invoke<AuthStatus>('auth.status', {});
  if (!status.usersExist) return;
  const password = await secretFrom(env, 'DEALERDESK_PASSWORD', `${username} 的密码：`);
  await rt.invoke('auth.login', { username, password });
}
