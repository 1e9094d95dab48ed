import { Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from './api/client';
import { useApiQuery, useDbChangedInvalidation } from './api/hooks';
import { useI18n } from './i18n/I18nProvider';
import { AppLayout } from './shell/AppLayout';
import { AuthGate } from './pages/auth/AuthGate';
import { DatabaseErrorScreen } from './shell/DatabaseErrorScreen';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { matchPath, usePath } from './shell/router';
import { HOME_PATH, routes } from './shell/routes';

function CurrentPage() {
  const path = usePath();
  // A new office (nothing on file, or a setup left half-way) lands in the setup wizard instead of an empty dashboard.
  const setup = useApiQuery('settings.officeSetup', {});
  if (path === '/' && !setup.data) return null;
  const target = path === '/' ? (setup.data?.needed ? '/setup' : HOME_PATH) : path;
  for (const r of routes) {
    const params = matchPath(r.pattern, target);
    if (params) {
      const Page = r.component;
      return <Page params={params} />;
    }
  }
  const Home = routes.find((r) => r.pattern === HOME_PATH)!.component;
  return <Home params={{}} />;
}

export function App() {
  const { locale } = useI18n();
  useDbChangedInvalidation();
  const status = useQuery({ queryKey: ['system.status'], queryFn: () => apiClient().call('system.status', {}) });
  if (!status.data) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (status.data.state === 'unavailable') {
    return <DatabaseErrorScreen status={status.data} onRecovered={() => void status.refetch()} />;
  }
  return (
    <ErrorBoundary locale={locale}>
      <AuthGate>
        <AppLayout>
          <ErrorBoundary locale={locale}>
            <CurrentPage />
          </ErrorBoundary>
        </AppLayout>
      </AuthGate>
    </ErrorBoundary>
  );
}
