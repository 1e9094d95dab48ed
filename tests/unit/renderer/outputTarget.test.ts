/**
 * Issue 11, point 5: which folder a batch writes to is decided by a pure
 * function — the desktop dialog's answer, else the data directory — never by
 * text from the page.
 */
import { describe, expect, it } from 'vitest';
import { afterFolderDialog, batchOutDir, initialFolderChoice, outputRoute, shownFolder, typedFolderAfterDialog } from '../../../renderer/src/components/outputTarget';

const DATA = '/home/clerk/.local/share/dealerdesk/statements';

describe('output folder of a batch', () => {
  it('the desktop app asks its dialog; the browser and tests use the data directory', () => {
    expect(outputRoute(true)).toBe('dialog');
    expect(outputRoute(false)).toBe('dataDir');
    expect(batchOutDir(initialFolderChoice(true))).toBeNull();
    expect(batchOutDir(initialFolderChoice(false))).toBeNull();
    expect(shownFolder(initialFolderChoice(true), DATA)).toEqual({ folder: DATA, isDefault: true });
  });

  it('a picked folder is sent; a cancelled or empty dialog keeps the earlier choice', () => {
    const picked = afterFolderDialog(initialFolderChoice(true), '\\\\NAS\\对账单\\2026-11');
    expect(batchOutDir(picked)).toBe('\\\\NAS\\对账单\\2026-11');
    expect(shownFolder(picked, DATA)).toEqual({ folder: '\\\\NAS\\对账单\\2026-11', isDefault: false });
    expect(afterFolderDialog(picked, null)).toBe(picked);
    expect(afterFolderDialog(picked, '  ')).toBe(picked);
    expect(batchOutDir(afterFolderDialog(initialFolderChoice(true), null))).toBeNull();
  });

  it('without a dialog no answer can choose a folder (whatever reaches the page)', () => {
    const browser = initialFolderChoice(false);
    expect(afterFolderDialog(browser, '/etc')).toBe(browser);
    expect(batchOutDir({ route: 'dataDir', picked: '/etc' })).toBeNull();
    expect(shownFolder({ route: 'dataDir', picked: '/etc' }, DATA)).toEqual({ folder: DATA, isDefault: true });
  });
});

describe('a typed settings folder with 选择文件夹…', () => {
  it('the picked folder replaces the text; cancel or an empty answer keeps what was typed (a UNC path stays)', () => {
    expect(typedFolderAfterDialog('\\\\NAS\\备份', null)).toBe('\\\\NAS\\备份');
    expect(typedFolderAfterDialog('\\\\NAS\\备份', ' ')).toBe('\\\\NAS\\备份');
    expect(typedFolderAfterDialog('', '/mnt/share/备份')).toBe('/mnt/share/备份');
    expect(typedFolderAfterDialog('\\\\NAS\\备份', 'D:\\经销往来备份')).toBe('D:\\经销往来备份');
  });
});
