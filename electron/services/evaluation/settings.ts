/** Evaluation settings stored under one key, audited like every settings tab. */
import { mergeEvaluationSettings, type EvaluationSettings } from '../../../shared/evaluation/settings';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings/settingsStore';

const KEY = 'evaluation';

export function getEvaluationSettings(ctx: ServiceContext): EvaluationSettings {
  return mergeEvaluationSettings(readSetting<unknown>(ctx, KEY)?.value ?? null);
}

export function saveEvaluationSettings(ctx: ServiceContext, next: EvaluationSettings): EvaluationSettings {
  return ctx.db.transaction(() => {
    const before = getEvaluationSettings(ctx);
    writeSetting(ctx, KEY, next);
    recordChange(ctx, { entity: 'settings', entityId: KEY, action: 'update', before, after: next, tables: ['settings'] });
    return getEvaluationSettings(ctx);
  });
}
