/**
 * Reusable zod field builders with Chinese messages that name the field.
 * Both the renderer's forms and the dispatcher use them, so the message a
 * clerk sees under a field is exactly what the service would say.
 */
import { z } from 'zod';
import type { ParseResult } from '../result';

/** Optional free text: trimmed, '' means empty, capped length. */
export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文本` })
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字符` })
    .default('');

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 个字符` });

/** Wraps a ParseResult validator (empty string allowed) as a zod string field. */
export const optionalValidated = (label: string, max: number, validate: (s: string) => ParseResult<string>) =>
  optionalText(label, max).transform((v, ctx) => {
    if (v === '') return v;
    const r = validate(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.value;
  });

export const isoDate = (label: string) =>
  z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 YYYY-MM-DD` });
