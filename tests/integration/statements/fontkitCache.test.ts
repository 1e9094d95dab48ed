/**
 * Sharing parsed fonts between PDFs (pdf/fontkitCache.ts) must not change a
 * single byte: a statement rendered after other statements, with the cache,
 * equals the same statement rendered in a fresh process without it.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { installFontkitCache } from '../../../electron/services/statements/pdf/fontkitCache';
import { fixedStatement, renderedSha } from './renderFixture';

describe('the shared font cache', () => {
  it('is active and leaves the PDF bytes exactly as without it', async () => {
    // Other statements first, so the shared font has decoded glyphs the fixture may not use.
    await renderedSha(fixedStatement(120, '温州新光商行（瓯海区）'));
    await renderedSha(fixedStatement(3, 'ABC Trading 公司'));
    const cached = await renderedSha(fixedStatement(45));
    expect(installFontkitCache()).toBe(true);
    const uncached = execFileSync(process.execPath, ['--import', 'tsx', 'tests/integration/statements/renderFixture.ts'], {
      encoding: 'utf8',
      env: { ...process.env, DEALERDESK_PDF_FONT_CACHE: 'off' },
    });
    expect(uncached).toMatch(/^[0-9a-f]{64}$/);
    expect(cached).toBe(uncached);
  });
});
