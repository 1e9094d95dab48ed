/**
 * Issue 11, point 5: the desktop "另存为"/"选择文件夹" dialog is the only way a
 * path outside the data directory becomes writable for the API. The dialog
 * is faked; the grant goes to a real runtime, and statements.generate then
 * writes exactly the path the clerk picked (and nothing else).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseOutputPath, chosenPath, suggestedFileName, type OutputDialogDeps } from '../../../electron/main/outputDialog';
import { statementDesktop } from '../../../electron/main/statementDesktop';
import { registerDesktopHost } from '../../../electron/services/statements/desktopHost';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

const texts = { saveTitle: '对账单另存为', folderTitle: '选择文件夹', pdfFilter: 'PDF 文件', backupFolderTitle: '选择第二份备份的文件夹', shareFolderTitle: '选择共享文件夹' };

function fakeDeps(answer: { canceled: boolean; filePath?: string; filePaths?: string[] }) {
  const granted: string[] = [];
  const shown: { kind: string; options: unknown }[] = [];
  const deps: OutputDialogDeps = {
    showSaveDialog: async (options) => (shown.push({ kind: 'save', options }), { canceled: answer.canceled, filePath: answer.filePath }),
    showOpenDialog: async (options) => (shown.push({ kind: 'folder', options }), { canceled: answer.canceled, filePaths: answer.filePaths ?? [] }),
    grant: (file) => granted.push(file),
    startDir: '/home/clerk/Documents',
    texts,
  };
  return { deps, granted, shown };
}

describe('chosenPath (what a dialog answer grants)', () => {
  it('cancelled, empty or relative answers grant nothing', () => {
    expect(chosenPath('pdf', { canceled: true, filePath: '/tmp/a.pdf' })).toBeNull();
    expect(chosenPath('pdf', { canceled: false, filePath: '' })).toBeNull();
    expect(chosenPath('pdf', { canceled: false })).toBeNull();
    expect(chosenPath('pdf', { canceled: false, filePath: 'relative/a.pdf' })).toBeNull();
    expect(chosenPath('folder', { canceled: false, filePaths: [] })).toBeNull();
  });

  it('a PDF name typed without its extension gets .pdf (the file written is the path granted); folders as picked', () => {
    expect(chosenPath('pdf', { canceled: false, filePath: '/tmp/x/../对账单' })).toBe(path.resolve('/tmp/对账单.pdf'));
    expect(chosenPath('pdf', { canceled: false, filePath: '/tmp/对账单.PDF' })).toBe('/tmp/对账单.PDF');
    expect(chosenPath('folder', { canceled: false, filePaths: ['/srv/share/十一月'] })).toBe('/srv/share/十一月');
  });

  it('the suggested name cannot carry a folder or characters Windows refuses', () => {
    expect(suggestedFileName('../../etc/passwd')).toBe('passwd.pdf');
    expect(suggestedFileName('C:\\Windows\\x.pdf')).toBe('x.pdf');
    expect(suggestedFileName('甲公司:11月?')).toBe('甲公司_11月_.pdf');
    expect(suggestedFileName('')).toBe('对账单.pdf');
  });
});

describe('chooseOutputPath (dialog → grant)', () => {
  it('shows the save dialog in Documents with the PDF filter and grants the answer', async () => {
    const f = fakeDeps({ canceled: false, filePath: '/home/clerk/Documents/甲公司-2026-11' });
    expect(await chooseOutputPath(f.deps, { kind: 'pdf', suggestedName: '甲公司-2026-11.pdf' })).toBe('/home/clerk/Documents/甲公司-2026-11.pdf');
    expect(f.granted).toEqual(['/home/clerk/Documents/甲公司-2026-11.pdf']);
    expect(f.shown).toEqual([
      {
        kind: 'save',
        options: {
          title: texts.saveTitle,
          defaultPath: '/home/clerk/Documents/甲公司-2026-11.pdf',
          filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
          // Linux asks "replace?" only when told to: without it a granted path would replace a file unasked.
          properties: ['showOverwriteConfirmation', 'createDirectory'],
        },
      },
    ]);
  });

  it('a cancelled dialog grants nothing; a folder dialog grants the folder', async () => {
    const cancelled = fakeDeps({ canceled: true, filePath: '/tmp/x.pdf' });
    expect(await chooseOutputPath(cancelled.deps, { kind: 'pdf', suggestedName: 'x' })).toBeNull();
    expect(cancelled.granted).toEqual([]);
    const folder = fakeDeps({ canceled: false, filePaths: ['/srv/share/对账单'] });
    expect(await chooseOutputPath(folder.deps, { kind: 'folder', suggestedName: '' })).toBe('/srv/share/对账单');
    expect(folder.granted).toEqual(['/srv/share/对账单']);
    expect(folder.shown[0]).toMatchObject({ kind: 'folder', options: { properties: ['openDirectory', 'createDirectory'] } });
  });
});

describe('settings folders (设置 → 备份 / 同步)', () => {
  it('have their own title, open at the folder set now, and grant nothing (their services check the folder)', async () => {
    const backup = fakeDeps({ canceled: false, filePaths: ['/srv/share/备份'] });
    expect(await chooseOutputPath(backup.deps, { kind: 'folder', suggestedName: '', purpose: 'backup', startAt: '/srv/share' })).toBe('/srv/share/备份');
    expect(backup.granted).toEqual([]);
    expect(backup.shown[0]).toEqual({ kind: 'folder', options: { title: texts.backupFolderTitle, defaultPath: '/srv/share', properties: ['openDirectory', 'createDirectory'] } });
    const share = fakeDeps({ canceled: true });
    expect(await chooseOutputPath(share.deps, { kind: 'folder', suggestedName: '', purpose: 'share', startAt: 'not/absolute' })).toBeNull();
    expect(share.shown[0]).toMatchObject({ options: { title: texts.shareFolderTitle, defaultPath: '/home/clerk/Documents' } });
  });
});

describe('statements.chooseOutputPath through the runtime', () => {
  let t: TempRuntime | null = null;
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-dialog-'));
  afterEach(() => {
    registerDesktopHost(null);
    t?.cleanup();
    t = null;
  });

  it('the picked path (and only it) becomes writable for statements.generate', async () => {
    t = await tempRuntime();
    const rt = t.rt;
    await rt.invoke('settings.updateCompany', { companyName: '杭州明远商贸有限公司' });
    const c = await rt.invoke<{ id: string }>('customers.create', { code: 'D1', name: '对话框测试' });
    const base = { customerId: c.id, from: '2026-11-01', to: '2026-11-30' };
    const picked = path.join(outside, '甲公司');
    const f = fakeDeps({ canceled: false, filePath: picked });
    registerDesktopHost(statementDesktop({ createWindow: () => ({}) as never, openPath: async () => '', log: { info: () => {}, warn: () => {} }, outputDialog: { ...f.deps, grant: (p) => rt.grantOutputPath(p) } }));

    const other = path.join(outside, '别处.pdf');
    expect(await rt.call('statements.generate', { ...base, outPath: `${picked}.pdf` })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const chosen = await rt.invoke<{ path: string | null }>('statements.chooseOutputPath', { kind: 'pdf', suggestedName: '甲公司' });
    expect(chosen.path).toBe(`${picked}.pdf`);
    expect(await rt.call('statements.generate', { ...base, outPath: chosen.path })).toMatchObject({ ok: true });
    expect(fs.readFileSync(`${picked}.pdf`).subarray(0, 4).toString()).toBe('%PDF');
    expect(await rt.call('statements.generate', { ...base, outPath: other })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('without the desktop app there is no dialog: a clear refusal', async () => {
    t = await tempRuntime();
    for (const [m, p] of [
      ['statements.chooseOutputPath', { kind: 'pdf', suggestedName: 'x' }],
      ['backup.chooseFolder', {}],
      ['sync.chooseFolder', { current: '' }],
    ] as const) {
      expect(await t.rt.call(m, p)).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('只能在桌面版中使用') } });
    }
  });
});
