import { describe, expect, it } from 'vitest';
import { menuActions, menuLocale, menuTemplate, type MenuItemSpec } from '../../../electron/main/menuTemplate';

const submenu = (t: MenuItemSpec[], label: string): MenuItemSpec[] => t.find((i) => i.label === label)?.submenu ?? [];
const roles = (items: MenuItemSpec[]) => items.filter((i) => i.role).map((i) => i.role);
const labels = (items: MenuItemSpec[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label);

describe('menuTemplate', () => {
  const zh = menuTemplate({ locale: 'zh-CN', isPackaged: true, platform: 'win32' });

  it('has 文件/编辑/视图/帮助 in Chinese by default', () => {
    expect(zh.map((i) => i.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('文件: open data folder, back up, quit', () => {
    const file = submenu(zh, '文件');
    expect(labels(file)).toEqual(['打开数据目录', '备份数据库…', '退出']);
    expect(file.filter((i) => i.action).map((i) => i.action)).toEqual(['openDataDir', 'backupDatabase']);
    expect(roles(file)).toEqual(['quit']);
  });

  it('编辑 uses Electron roles for the standard editing commands', () => {
    expect(roles(submenu(zh, '编辑'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(labels(submenu(zh, '编辑'))).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选']);
  });

  it('视图 has reload, zoom and full screen, and developer tools only when not packaged', () => {
    expect(roles(submenu(zh, '视图'))).toEqual(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(labels(submenu(zh, '视图'))).toContain('实际大小');
    const dev = menuTemplate({ locale: 'zh-CN', isPackaged: false, platform: 'linux' });
    expect(roles(submenu(dev, '视图'))).toContain('toggleDevTools');
  });

  it('帮助: about and check for updates', () => {
    const help = submenu(zh, '帮助');
    expect(labels(help)).toEqual(['关于经销往来', '检查更新']);
    expect(menuActions(zh)).toEqual(['openDataDir', 'backupDatabase', 'about', 'checkUpdates']);
  });

  it('every item is either a role, an action, a separator or a submenu, never a bare label', () => {
    const walk = (items: MenuItemSpec[]) => {
      for (const i of items) {
        expect(Boolean(i.role) || Boolean(i.action) || i.type === 'separator' || Boolean(i.submenu), JSON.stringify(i)).toBe(true);
        expect(Boolean(i.role && i.action)).toBe(false);
        if (i.submenu) walk(i.submenu);
      }
    };
    walk(zh);
  });

  it('speaks English when the UI is English', () => {
    const en = menuTemplate({ locale: 'en', isPackaged: true, platform: 'win32' });
    expect(en.map((i) => i.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels(submenu(en, 'Help'))).toEqual(['About DealerDesk', 'Check for Updates']);
    expect(menuActions(en)).toEqual(menuActions(zh));
  });

  it('adds the application menu first on macOS only', () => {
    expect(menuTemplate({ locale: 'zh-CN', isPackaged: true, platform: 'darwin' })[0]).toEqual({ role: 'appMenu' });
    expect(zh[0].role).toBeUndefined();
  });
});

describe('menuLocale', () => {
  it('follows the renderer setting and defaults to Chinese', () => {
    expect(menuLocale('en')).toBe('en');
    expect(menuLocale('zh-CN')).toBe('zh-CN');
    expect(menuLocale(null)).toBe('zh-CN');
    expect(menuLocale({})).toBe('zh-CN');
  });
});
