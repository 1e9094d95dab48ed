/**
 * Checklist 19 (fuses), 16 (a current Electron) and the packaging side of
 * the updater: electron-builder.yml read with the YAML parser electron-builder
 * itself uses, and the fuse names checked against electron-builder's own
 * schema, so a misspelt key cannot silently leave a fuse at its default.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const requireFromRoot = createRequire(path.join(root, 'package.json'));
// The js-yaml that app-builder-lib loads electron-builder.yml with.
const builderRequire = createRequire(requireFromRoot.resolve('app-builder-lib/package.json'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  electronFuses?: Record<string, unknown>;
  win?: Record<string, unknown>;
  publish?: { provider?: string; url?: string };
  asar?: unknown;
}
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml: Electron fuses', () => {
  const fuses = config.electronFuses ?? {};

  it('turns off the ways to run code outside the app', () => {
    expect(fuses.runAsNode).toBe(false);
    expect(fuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses.enableNodeCliInspectArguments).toBe(false);
  });

  it('turns on cookie encryption, ASAR integrity and only-load-from-ASAR', () => {
    expect(fuses.enableCookieEncryption).toBe(true);
    expect(fuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(fuses.onlyLoadAppFromAsar).toBe(true);
    // ASAR checks mean nothing if the app is not packed into app.asar.
    expect(config.asar).not.toBe(false);
  });

  it('takes file:// extra privileges away (the app is served from app://)', () => {
    expect(fuses.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it("uses only fuse names electron-builder's schema knows, with boolean values", () => {
    const scheme = JSON.parse(fs.readFileSync(requireFromRoot.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    for (const [name, value] of Object.entries(fuses)) {
      expect(known, name).toContain(name);
      expect(typeof value, name).toBe('boolean');
    }
  });
});

describe('electron-builder.yml: updates', () => {
  it('verifies the code signature of a Windows update before installing it', () => {
    expect(config.win?.verifyUpdateCodeSignature).toBe(true);
  });

  it('publishes its placeholder feed over https only', () => {
    expect(config.publish?.provider).toBe('generic');
    expect(config.publish?.url).toMatch(/^https:\/\//);
  });
});

describe('Electron version', () => {
  // Electron supports the latest three majors; 45 is the one this code was reviewed on.
  const MIN_MAJOR = 45;
  const major = (v: string): number => Number(/(\d+)\./.exec(v)?.[1] ?? 0);

  it(`is at least ${MIN_MAJOR} in package.json and in the installed package`, () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(major(pkg.devDependencies.electron)).toBeGreaterThanOrEqual(MIN_MAJOR);
    const installed = JSON.parse(fs.readFileSync(requireFromRoot.resolve('electron/package.json'), 'utf8')) as { version: string };
    expect(major(installed.version)).toBeGreaterThanOrEqual(MIN_MAJOR);
  });
});
