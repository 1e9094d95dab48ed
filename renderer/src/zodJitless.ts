/**
 * Imported first by main.tsx, before any module builds a schema: zod probes
 * eval support with Function('') when it first compiles an object schema,
 * the CSP (rightly) forbids eval, and the browser logs a violation. Jitless
 * parsing never probes: a clean console and the same results.
 */
import { z } from 'zod';

z.config({ jitless: true });
