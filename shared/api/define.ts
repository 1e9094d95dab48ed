/**
 * How an API method is declared: its input schema (validated by the
 * dispatcher for every caller: IPC, HTTP bridge, CLI, tests), its output type,
 * and the tables it reads (the renderer refetches a query when a write
 * touched one of them).
 */
import type { z } from 'zod';

export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  reads: readonly string[];
  /** Type-level only: never set at run time. */
  readonly __output?: O;
}

export const method =
  <O>() =>
  <I extends z.ZodType>(input: I, reads: readonly string[] = []): MethodDef<I, O> => ({ input, reads });

export type InputOf<M> = M extends MethodDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<M> = M extends MethodDef<infer I, unknown> ? z.output<I> : never;
export type OutputOf<M> = M extends MethodDef<z.ZodType, infer O> ? O : never;
