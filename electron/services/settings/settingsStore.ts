/** Typed access to the key/value settings table (values are JSON). */
import type { ServiceContext } from '../context';

export function readSetting<T>(ctx: ServiceContext, key: string): { value: T; updatedAt: string } | null {
  const row = ctx.db.first(ctx.db.k.selectFrom('settings').selectAll().where('key', '=', key));
  return row ? { value: JSON.parse(row.value) as T, updatedAt: row.updated_at } : null;
}

/** Upserts a setting. Callers record the audit row (they know the entity name). */
export function writeSetting(ctx: ServiceContext, key: string, value: unknown): string {
  const at = ctx.clock.now().toISOString();
  ctx.db.run(
    ctx.db.k
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: at })),
  );
  ctx.touched.add('settings');
  return at;
}
