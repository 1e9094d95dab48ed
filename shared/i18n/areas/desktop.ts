/**
 * Strings the Electron main process shows itself: the application menu and
 * its dialogs (backup, about, updates, start-up failures). The main process
 * picks the object for the locale directly; it never renders React.
 */

export const desktopZh = {
  menuFile: '文件',
  menuEdit: '编辑',
  menuView: '视图',
  menuHelp: '帮助',
  openDataDir: '打开数据目录',
  backupDatabase: '备份数据库…',
  quit: '退出',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  reload: '重新加载',
  toggleDevTools: '开发者工具',
  resetZoom: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  toggleFullScreen: '全屏',
  about: '关于经销往来',
  checkUpdates: '检查更新',
  aboutDetail: '版本 {version}\n数据库：{dbFile}\n数据目录：{dataDir}\n日志：{logFile}',
  ok: '确定',
  backupTitle: '备份数据库',
  backupFilter: 'SQLite 数据库',
  outputSaveTitle: '对账单另存为',
  outputFolderTitle: '选择对账单保存的文件夹',
  backupFolderTitle: '选择第二份备份的文件夹',
  shareFolderTitle: '选择同步用的共享文件夹',
  pdfFilter: 'PDF 文件',
  backupDone: '备份已保存并通过完整性检查：\n{file}',
  backupCheckFailed: '备份已写出，但完整性检查未通过，请不要依赖这份备份：\n{problem}',
  backupFailed: '备份失败：{message}',
  backupUnavailable: '数据库当前不可用，无法备份。',
  updatesOff: '未设置更新地址，自动更新已关闭。请在设置中填写本单位更新服务器的 https:// 地址。',
  updatesDevMode: '开发模式下不检查更新。',
  updatesNone: '当前已是最新版本（{version}）。',
  updatesFound: '发现新版本 {version}，正在后台下载，下载完成并通过签名校验后将在退出时安装。',
  updatesFoundManual: '发现新版本 {version}。本机安装包无法校验发布者签名，因此不会自动安装，请从更新服务器下载安装包并手动安装。',
  externalLinkTitle: '打开外部网址',
  externalLinkMessage: '要在浏览器中打开 {host} 吗？',
  externalLinkDetail: '网址：{url}\n\n只打开你信任的网站。经销往来不会向该网站发送任何数据。',
  externalLinkOpen: '在浏览器中打开',
  cancel: '取消',
  updatesFailed: '检查更新失败：{message}',
  startFailedTitle: '经销往来无法启动',
  networkDb: '数据库不能放在网络共享上：\n{file}\n\nSQLite 在网络文件系统上无法可靠加锁，可能损坏数据。请把数据库放在本机磁盘上。',
  startFailed: '启动失败：{message}\n\n日志：{logFile}',
} as const;

export type DesktopMessages = { readonly [K in keyof typeof desktopZh]: string };

export const desktopEn: DesktopMessages = {
  menuFile: 'File',
  menuEdit: 'Edit',
  menuView: 'View',
  menuHelp: 'Help',
  openDataDir: 'Open Data Folder',
  backupDatabase: 'Back Up Database…',
  quit: 'Exit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  reload: 'Reload',
  toggleDevTools: 'Developer Tools',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  toggleFullScreen: 'Full Screen',
  about: 'About DealerDesk',
  checkUpdates: 'Check for Updates',
  aboutDetail: 'Version {version}\nDatabase: {dbFile}\nData folder: {dataDir}\nLog: {logFile}',
  ok: 'OK',
  backupTitle: 'Back up database',
  backupFilter: 'SQLite database',
  outputSaveTitle: 'Save statement as',
  outputFolderTitle: 'Choose a folder for the statements',
  backupFolderTitle: 'Choose the folder for the second backup copy',
  shareFolderTitle: 'Choose the shared folder for sync',
  pdfFilter: 'PDF file',
  backupDone: 'Backup saved and passed the integrity check:\n{file}',
  backupCheckFailed: 'The backup was written but failed the integrity check; do not rely on it:\n{problem}',
  backupFailed: 'Backup failed: {message}',
  backupUnavailable: 'The database is unavailable, so it cannot be backed up.',
  updatesOff: 'No update address is set, so automatic updates are off. Enter your office update server https:// address in Settings.',
  updatesDevMode: 'Updates are not checked in development mode.',
  updatesNone: 'You have the latest version ({version}).',
  updatesFound: 'Version {version} is available and is downloading; once its signature is verified it installs when you quit.',
  updatesFoundManual:
    'Version {version} is available. This installation cannot verify the publisher signature of updates, so it will not install automatically: download the installer from the update server and install it by hand.',
  externalLinkTitle: 'Open external address',
  externalLinkMessage: 'Open {host} in your browser?',
  externalLinkDetail: 'Address: {url}\n\nOpen only sites you trust. DealerDesk sends no data to this site.',
  externalLinkOpen: 'Open in Browser',
  cancel: 'Cancel',
  updatesFailed: 'Checking for updates failed: {message}',
  startFailedTitle: 'DealerDesk cannot start',
  networkDb:
    'The database must not be on a network share:\n{file}\n\nSQLite cannot lock reliably over network file systems and data may be damaged. Keep the database on a local disk.',
  startFailed: 'Start-up failed: {message}\n\nLog: {logFile}',
};

export type DesktopLocale = 'zh-CN' | 'en';

export function desktopMessages(locale: DesktopLocale): DesktopMessages {
  return locale === 'en' ? desktopEn : desktopZh;
}

/** `{name}` placeholders, like the renderer's translate(). */
export function fillDesktop(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
