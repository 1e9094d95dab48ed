/**
 * Statement settings (设置 → 对账单), kept under the 'statements' settings
 * key: page orientation, the confirmation line with its number of days, an
 * optional system font, and the statement_unconfirmed alert threshold.
 */
import path from 'node:path';
import type { z } from 'zod';
import {
  DEFAULT_CONFIRMATION_TEMPLATE,
  PAGE_ORIENTATIONS,
  type StatementSettings,
  type StatementSettingsView,
  type statementSettingsSchema,
} from '../../../shared/api/statements';
import { DomainError } from '../../../shared/errors';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings/settingsStore';
import { installedFontCandidates, statementFont } from './fontChoice';

const KEY = 'statements';

export const DEFAULT_STATEMENT_SETTINGS: StatementSettings = {
  orientation: 'portrait',
  confirmationDays: 10,
  confirmationText: DEFAULT_CONFIRMATION_TEMPLATE,
  fontPath: null,
  unconfirmedAlertDays: 15,
};

const dayCount = (v: unknown, fallback: number): number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 365 ? v : fallback;

/** The stored settings over the defaults; a hand-edited value that makes no sense falls back rather than breaking PDFs. */
export function getStatementSettings(ctx: ServiceContext): StatementSettings & { updatedAt: string | null } {
  const row = readSetting<Partial<StatementSettings>>(ctx, KEY);
  const v = row?.value ?? {};
  const d = DEFAULT_STATEMENT_SETTINGS;
  return {
    orientation: (PAGE_ORIENTATIONS as readonly unknown[]).includes(v.orientation) ? (v.orientation as StatementSettings['orientation']) : d.orientation,
    confirmationDays: dayCount(v.confirmationDays, d.confirmationDays),
    confirmationText: typeof v.confirmationText === 'string' && v.confirmationText.trim() !== '' ? v.confirmationText : d.confirmationText,
    fontPath: typeof v.fontPath === 'string' && v.fontPath.trim() !== '' ? v.fontPath : null,
    unconfirmedAlertDays: dayCount(v.unconfirmedAlertDays, d.unconfirmedAlertDays),
    updatedAt: row?.updatedAt ?? null,
  };
}

/** The confirmation line as printed: {days} filled in (a text without it is printed as written). */
export function confirmationLine(s: Pick<StatementSettings, 'confirmationText' | 'confirmationDays'>): string {
  return s.confirmationText.replace(/\{days\}/g, String(s.confirmationDays));
}

/** The default batch folder: statements/ in the data dir. */
export const defaultStatementsDir = (ctx: ServiceContext): string => path.join(ctx.dataDir, 'statements');

export function statementSettingsView(ctx: ServiceContext): StatementSettingsView {
  const s = getStatementSettings(ctx);
  let font: StatementSettingsView['font'] = null;
  let fontError: string | null = null;
  try {
    const f = statementFont(s.fontPath);
    font = { source: f.source, family: f.family, path: f.normal, warning: f.warning ?? null };
  } catch (e) {
    fontError = e instanceof Error ? e.message : String(e);
  }
  return {
    ...s,
    confirmationPreview: confirmationLine(s),
    font,
    fontError,
    fontCandidates: installedFontCandidates(),
    defaultOutDir: defaultStatementsDir(ctx),
  };
}

export function updateStatementSettings(ctx: ServiceContext, input: z.output<typeof statementSettingsSchema>): StatementSettingsView {
  if (input.fontPath !== null) {
    // Refuse a font that would silently not be used: the clerk should see why at once, not on the next PDF.
    const f = statementFont(input.fontPath);
    if (f.source !== 'system') throw new DomainError('validation', f.warning ?? '无法使用所选字体', 'fontPath');
  }
  return ctx.db.transaction(() => {
    const { updatedAt: _u, ...before } = getStatementSettings(ctx);
    const next: StatementSettings = { ...input };
    writeSetting(ctx, KEY, next);
    recordChange(ctx, { entity: 'statement_settings', entityId: KEY, action: 'update', before, after: next, tables: ['settings'] });
    return statementSettingsView(ctx);
  });
}
