/** Mantine AppShell: grouped left navigation, header with company short name and language switch. */
import { AppShell, Badge, Group, NavLink, ScrollArea, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useApiQuery } from '../api/hooks';
import { GlobalCustomerSearch } from '../components/GlobalCustomerSearch';
import { AlertHeaderBadge } from '../pages/alerts/AlertBadges';
import { SyncIndicator } from '../pages/sync/SyncIndicator';
import { useI18n } from '../i18n/I18nProvider';
import { navigate, usePath } from './router';
import { roleMay } from '../../../shared/auth/roles';
import { NoUsersBanner } from '../pages/auth/AuthGate';
import { useAuthStatus } from '../pages/auth/useAuth';
import { UserMenu } from '../pages/auth/UserMenu';
import { routes, type NavGroup } from './routes';
import { DemoBanner, useDemoMode } from './DemoBanner';
import { ImportProgressBanner } from './ImportProgressBanner';
import { ShortcutSheet } from './ShortcutSheet';

const GROUPS: { key: NavGroup; label: 'nav.groupDaily' | 'nav.groupRecords' | 'nav.groupSystem' }[] = [
  { key: 'daily', label: 'nav.groupDaily' },
  { key: 'records', label: 'nav.groupRecords' },
  { key: 'system', label: 'nav.groupSystem' },
];

export function AppLayout({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const path = usePath();
  const company = useApiQuery('settings.getCompany', {});
  // Screens a role may not use are hidden (cosmetic: the dispatcher refuses them anyway).
  const role = useAuthStatus().data?.user?.role;
  const shortName = company.data?.shortName || company.data?.companyName || t('app.name');
  const demo = useDemoMode();

  return (
    <AppShell header={{ height: 48 }} navbar={{ width: 196, breakpoint: 0 }} padding="md">
      <AppShell.Header px="md" style={{ background: demo ? 'var(--mantine-color-orange-8)' : 'var(--mantine-color-indigo-8)', color: 'white', borderBottom: 0 }}>
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={4} fw={700} style={{ letterSpacing: 1 }} data-testid="header-company">
              {shortName}
            </Title>
            {demo && (
              <Badge color="white" c="orange.9" variant="filled" data-testid="header-demo">
                {t('ui.demo.badge')}
              </Badge>
            )}
            <Text size="xs" opacity={0.75}>
              {t('app.productName')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <GlobalCustomerSearch />
            <AlertHeaderBadge />
            <UserMenu />
            <SyncIndicator />
          </Group>
          <SegmentedControl
            size="xs"
            value={locale}
            onChange={(v) => setLocale(v === 'en' ? 'en' : 'zh-CN')}
            data={[
              { value: 'zh-CN', label: t('app.switchToChinese') },
              { value: 'en', label: t('app.switchToEnglish') },
            ]}
            aria-label={t('app.language')}
            data-testid="language-switch"
          />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea>
          <Stack gap="md">
            {GROUPS.map((g) => {
              const items = routes.filter((r) => r.nav?.group === g.key && (!r.nav.permission || !role || roleMay(role, r.nav.permission)));
              if (!items.length) return null;
              return (
                <Stack gap={2} key={g.key}>
                  <Text size="xs" c="dimmed" fw={600} px="xs">
                    {t(g.label)}
                  </Text>
                  {items.map((r) => {
                    const Icon = r.nav!.icon;
                    const Badge = r.nav!.badge;
                    return (
                      <NavLink
                        key={r.pattern}
                        label={t(r.nav!.label)}
                        leftSection={<Icon size={17} stroke={1.6} />}
                        rightSection={Badge ? <Badge /> : undefined}
                        active={path === r.pattern || path.startsWith(`${r.pattern}/`)}
                        onClick={() => navigate(r.pattern)}
                        style={{ borderRadius: 4 }}
                      />
                    );
                  })}
                </Stack>
              );
            })}
          </Stack>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main style={{ background: 'var(--mantine-color-gray-0)' }}>
        <DemoBanner />
        <ImportProgressBanner />
        {!demo && <NoUsersBanner />}
        {children}
      </AppShell.Main>
      <ShortcutSheet />
    </AppShell>
  );
}
