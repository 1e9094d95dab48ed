// Copies the OFL Noto Sans SC TrueType files from their npm package into
// resources/fonts, so the app ships two TTFs (not the 92 MB package) and the
// repository never stores font binaries. Runs on every `npm install`.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const target = path.join(root, 'resources', 'fonts');
let pkgDir;
try {
  pkgDir = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json', { paths: [root] }));
} catch {
  console.warn('copy-fonts: @expo-google-fonts/noto-sans-sc is not installed; PDFs will need a system font.');
  process.exit(0);
}
const wanted = {
  'NotoSansSC-Regular.ttf': ['400Regular/NotoSansSC_400Regular.ttf'],
  'NotoSansSC-Bold.ttf': ['700Bold/NotoSansSC_700Bold.ttf'],
};
fs.mkdirSync(target, { recursive: true });
for (const [name, candidates] of Object.entries(wanted)) {
  const found = candidates.map((c) => path.join(pkgDir, c)).find((p) => fs.existsSync(p));
  if (!found) {
    console.warn(`copy-fonts: ${name} not found in ${pkgDir}`);
    continue;
  }
  const dest = path.join(target, name);
  if (!fs.existsSync(dest) || fs.statSync(dest).size !== fs.statSync(found).size) fs.copyFileSync(found, dest);
}
const license = ['LICENSE', 'OFL.txt'].map((n) => path.join(pkgDir, n)).find((p) => fs.existsSync(p));
if (license) fs.copyFileSync(license, path.join(target, 'OFL.txt'));
