/**
 * The application menu as plain data. Items either carry an Electron `role`
 * (Electron implements undo, copy, zoom, … itself, with the platform's
 * shortcuts) or an `action` id that the main process maps to a function.
 * Kept free of 'electron' so the structure is unit-tested.
 */
import { desktopMessages, type DesktopLocale } from '../../shared/i18n/areas/desktop';

export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'quit'
  | 'appMenu';

export type MenuAction = 'openDataDir' | 'backupDatabase' | 'about' | 'checkUpdates';

export interface MenuItemSpec {
  label?: string;
  role?: MenuRole;
  action?: MenuAction;
  accelerator?: string;
  type?: 'separator';
  submenu?: MenuItemSpec[];
}

export interface MenuContext {
  locale: DesktopLocale;
  /** Developer tools are for development only: a clerk must not stumble into them. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

const separator: MenuItemSpec = { type: 'separator' };

export function menuTemplate({ locale, isPackaged, platform }: MenuContext): MenuItemSpec[] {
  const m = desktopMessages(locale);
  const view: MenuItemSpec[] = [{ label: m.reload, role: 'reload' }];
  if (!isPackaged) view.push({ label: m.toggleDevTools, role: 'toggleDevTools' });
  view.push(
    separator,
    { label: m.resetZoom, role: 'resetZoom' },
    { label: m.zoomIn, role: 'zoomIn' },
    { label: m.zoomOut, role: 'zoomOut' },
    separator,
    { label: m.toggleFullScreen, role: 'togglefullscreen' },
  );
  const template: MenuItemSpec[] = [
    {
      label: m.menuFile,
      submenu: [
        { label: m.openDataDir, action: 'openDataDir' },
        { label: m.backupDatabase, action: 'backupDatabase' },
        separator,
        { label: m.quit, role: 'quit' },
      ],
    },
    {
      label: m.menuEdit,
      submenu: [
        { label: m.undo, role: 'undo' },
        { label: m.redo, role: 'redo' },
        separator,
        { label: m.cut, role: 'cut' },
        { label: m.copy, role: 'copy' },
        { label: m.paste, role: 'paste' },
        { label: m.selectAll, role: 'selectAll' },
      ],
    },
    { label: m.menuView, submenu: view },
    {
      label: m.menuHelp,
      submenu: [{ label: m.about, action: 'about' }, separator, { label: m.checkUpdates, action: 'checkUpdates' }],
    },
  ];
  // macOS puts the application's own menu first; Windows and Linux have none.
  if (platform === 'darwin') template.unshift({ role: 'appMenu' });
  return template;
}

/** Every action id the template uses, so main can check it wired them all. */
export function menuActions(template: readonly MenuItemSpec[]): MenuAction[] {
  const out: MenuAction[] = [];
  const walk = (items: readonly MenuItemSpec[]) => {
    for (const item of items) {
      if (item.action) out.push(item.action);
      if (item.submenu) walk(item.submenu);
    }
  };
  walk(template);
  return out;
}

/** The menu language: the renderer's saved choice, else Chinese (the app's default). */
export function menuLocale(saved: unknown): DesktopLocale {
  return saved === 'en' ? 'en' : 'zh-CN';
}
