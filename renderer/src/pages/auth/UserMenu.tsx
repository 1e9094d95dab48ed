/** The header's user menu: who is logged in, lock now, switch user, change password, log out. */
import { Button, Menu } from '@mantine/core';
import { IconLock, IconLogout, IconUserCircle, IconUsers } from '@tabler/icons-react';
import { useT } from '../../i18n/I18nProvider';
import { useAuthCall, useAuthStatus } from './useAuth';

export function UserMenu() {
  const t = useT();
  const status = useAuthStatus();
  const authCall = useAuthCall();
  const user = status.data?.user;
  if (!user) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="subtle" color="gray.0" leftSection={<IconUserCircle size={16} />} data-testid="user-menu" style={{ color: 'white' }}>
          {user.displayName}（{t(`auth.role.${user.role}`)}）
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconLock size={15} />} onClick={() => void authCall('auth.lock', {})} data-testid="menu-lock">
          {t('auth.menu.lock')}
        </Menu.Item>
        <Menu.Item leftSection={<IconUsers size={15} />} onClick={() => void authCall('auth.lock', {})} data-testid="menu-switch">
          {t('auth.menu.switchUser')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={15} />} onClick={() => void authCall('auth.logout', {})}>
          {t('auth.menu.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
