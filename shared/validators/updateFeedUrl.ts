/**
 * The update server address (settings → 更新地址). https only: the updater
 * downloads an installer and runs it, so the address must be authenticated
 * by TLS; over plain http anyone on the office network could serve their own
 * "update" (http://attacker.example/ used to be accepted). No user:password@
 * in it either (it would sit in the settings table and the logs in clear).
 * One rule for the settings schema, the settings service and the main
 * process's updater, so none of them can drift from the others.
 */

export const UPDATE_FEED_URL_MESSAGE =
  '更新地址必须是 https:// 开头的网址（例如局域网内启用了 HTTPS 的网页服务器），不能包含用户名或密码；留空表示不检查更新';

/** The address as the updater uses it (a folder: trailing slash), or null when it is not an acceptable https address. */
export function httpsUpdateFeedUrl(raw: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  let u: URL;
  try {
    u = new URL(trimmed);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || !u.hostname || u.username || u.password) return null;
  const url = u.toString();
  // The generic provider appends latest.yml itself; a trailing slash keeps relative paths in that folder.
  return url.endsWith('/') ? url : `${url}/`;
}

/** Empty (updates off) or an acceptable https address. */
export function isAcceptableUpdateFeed(raw: string): boolean {
  return raw.trim() === '' || httpsUpdateFeedUrl(raw) !== null;
}
