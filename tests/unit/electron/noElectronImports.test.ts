/**
 * The pure main-process modules must load under plain Node, where
 * `require('electron')` throws (no binary here, and in every vitest run).
 * Only the glue files may import electron or electron-updater.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const mainDir = path.resolve(__dirname, '../../../electron/main');
const GLUE = new Set(['index.ts', 'updater.ts']);

describe('electron/main pure modules', () => {
  const files = fs.readdirSync(mainDir).filter((f) => f.endsWith('.ts') && !GLUE.has(f));

  it('exist', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const f of files) {
    it(`${f} imports neither electron nor electron-updater`, () => {
      const src = fs.readFileSync(path.join(mainDir, f), 'utf8');
      expect(src).not.toMatch(/from\s+['"]electron(-updater)?(\/[^'"]*)?['"]/);
      expect(src).not.toMatch(/(require|import)\s*\(\s*['"]electron(-updater)?['"]/);
    });
  }
});
