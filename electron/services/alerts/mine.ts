/**
 * "只看我的" (issue 16 point 8): the customers assigned to the acting user —
 * customers whose 业务员 field holds the user's display name, the same name
 * the salesperson scope matches (db/scope.ts). For a salesperson that is
 * everything the scope already shows; for the boss or a clerk it is the
 * customers they look after themselves. Before any user exists the acting
 * name is the OS user's, which rarely matches a 业务员, so the list is empty.
 */
import type { ServiceContext } from '../context';

/** The acting user's name as a customer's 业务员 field holds it. */
function myName(ctx: ServiceContext): string {
  if (ctx.actor.scope) return ctx.actor.scope;
  if (ctx.actor.userId) {
    const row = ctx.db.prepare('SELECT display_name FROM users WHERE id = ?').get(ctx.actor.userId) as { display_name: string } | undefined;
    if (row) return row.display_name;
  }
  return ctx.actor.user;
}

/** Ids of the customers assigned to the acting user; never the customers without a 业务员. */
export function myCustomerIds(ctx: ServiceContext): Set<string> {
  const rows = ctx.db.prepare(`SELECT id FROM customers WHERE salesperson = ? AND salesperson <> ''`).all(myName(ctx)) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}
