/**
 * Every screen of the app. An area adds its pages here; navigation shows
 * only screens that exist (no placeholders).
 */
import { IconSettings } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { MessageKey } from '../../../shared/i18n/translate';
import { SettingsPage } from '../pages/settings/SettingsPage';

export type NavGroup = 'daily' | 'records' | 'system';

export interface RouteDef {
  pattern: string;
  component: ComponentType<{ params: Record<string, string> }>;
  nav?: { label: MessageKey; icon: ComponentType<{ size?: number; stroke?: number }>; group: NavGroup };
}

export const routes: RouteDef[] = [
  { pattern: '/settings', component: SettingsPage, nav: { label: 'nav.settings', icon: IconSettings, group: 'system' } },
];

/** Where `#/` lands: the first daily screen once one exists, settings until then. */
export const HOME_PATH = '/settings';
