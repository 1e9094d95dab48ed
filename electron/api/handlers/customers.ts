import type { customerFileMethods } from '../../../shared/api/customers';
import { DomainError } from '../../../shared/errors';
import type { HandlerMap } from './types';

// Placeholder while the services land: the contract is published first so the UI can be built against it.
const pending = (): never => {
  throw new DomainError('internal', '此功能尚在开发中');
};

export const customerFileHandlers: HandlerMap<keyof typeof customerFileMethods> = {
  'customers.list': pending,
  'customers.get': pending,
  'customers.nextCode': pending,
  'customers.defaults': pending,
  'customers.facets': pending,
  'customers.create': pending,
  'customers.update': pending,
  'customers.archive': pending,
  'customers.restore': pending,
  'customers.delete': pending,
  'customers.exportXlsx': pending,
  'contacts.list': pending,
  'contacts.create': pending,
  'contacts.update': pending,
  'contacts.delete': pending,
  'contacts.setPrimary': pending,
  'interactions.list': pending,
  'interactions.create': pending,
  'interactions.calendar': pending,
  'products.list': pending,
  'products.get': pending,
  'products.create': pending,
  'products.update': pending,
  'products.archive': pending,
  'products.restore': pending,
  'products.exportXlsx': pending,
  'imports.preview': pending,
  'imports.commit': pending,
  'imports.batches': pending,
  'imports.undo': pending,
  'imports.template': pending,
};
