/**
 * Field builders for records that are created with defaults and updated
 * partially. zod 4 applies a field's default inside `.partial()` too, so an
 * update schema built from defaulted fields would silently blank every field
 * the caller left out. Shapes are therefore declared without defaults, and
 * the create schema adds them with `withDefaults`.
 */
import { z } from 'zod';
import type { ParseResult } from '../result';

/** Trimmed text, '' allowed, capped length; no default. */
export const plainText = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文本` })
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字符` });

/** plainText checked (and normalized) by a shared validator when not empty. */
export const plainValidated = (label: string, max: number, validate: (s: string) => ParseResult<string>) =>
  plainText(label, max).transform((v, ctx) => {
    if (v === '') return v;
    const r = validate(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.value;
  });

type Defaulted<S extends z.ZodRawShape, D> = {
  [K in keyof S]: K extends keyof D ? z.ZodDefault<S[K]> : S[K];
};

/** The shape with the given defaults added (the create schema's fields). */
export function withDefaults<S extends z.ZodRawShape, const D extends { [K in keyof S]?: z.output<S[K]> }>(shape: S, defaults: D): Defaulted<S, D> {
  const out: Record<string, unknown> = { ...shape };
  for (const key of Object.keys(defaults)) {
    // The default's type is checked by D against the field's output type.
    out[key] = (shape[key] as z.ZodType).default(defaults[key as keyof D] as never);
  }
  return out as Defaulted<S, D>;
}
