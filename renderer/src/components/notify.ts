import { notifications } from '@mantine/notifications';

export const notifySuccess = (message: string) => notifications.show({ color: 'teal', message, autoClose: 2500 });
export const notifyError = (title: string, e: unknown) =>
  notifications.show({ color: 'red', title, message: e instanceof Error ? e.message : String(e), autoClose: 6000 });
