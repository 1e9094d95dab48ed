import { Alert, Button, Code, Stack } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { translate, type Locale } from '../../../shared/i18n/translate';

interface Props {
  locale: Locale;
  children: ReactNode;
}

/** Shows what broke, with the message, instead of a blank window. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = (k: Parameters<typeof translate>[1]) => translate(this.props.locale, k);
    return (
      <Stack p="xl" maw={720}>
        <Alert color="red" title={t('errors.boundaryTitle')}>
          {t('errors.boundaryBody')}
          <Code block mt="sm">
            {error.message}
          </Code>
        </Alert>
        <Button variant="light" onClick={() => window.location.reload()} w="fit-content">
          {t('errors.boundaryReload')}
        </Button>
      </Stack>
    );
  }
}
