// Lint: TypeScript-aware recommended rules, plus the architecture guard that
// keeps Electron out of everything tests load (DESIGN §2).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noElectron = {
  'no-restricted-imports': [
    'error',
    { paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron (services must run under plain Node).' }] },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/bench/.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Full-width spaces are legitimate inside Chinese strings.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true }],
    },
  },
  { files: ['db/**', 'shared/**', 'electron/services/**', 'electron/api/**', 'electron/cli/**', 'electron/bridge/**', 'renderer/**'], rules: noElectron },
  {
    files: ['**/*.cjs', 'scripts/**'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
