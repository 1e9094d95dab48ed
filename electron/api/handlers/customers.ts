/** Handlers of the customer file (customers, contacts, interactions, calendar, products, imports). */
import type { customerFileMethods } from '../../../shared/api/customers';
import { interactionCalendar } from '../../services/customers/calendar';
import { createContact, deleteContact, listContacts, setPrimaryContact, updateContact } from '../../services/customers/contacts';
import {
  archiveCustomer,
  createCustomer,
  customerDefaults,
  customerFacets,
  deleteCustomer,
  getCustomer,
  getCustomerRow,
  nextCustomerCode,
  restoreCustomer,
  updateCustomer,
} from '../../services/customers/customers';
import { exportCustomersXlsx } from '../../services/customers/exportCustomers';
import { createInteraction, listInteractions } from '../../services/customers/interactions';
import { customerMoneyHeader } from '../../services/customers/moneyHeader';
import { listCustomers } from '../../services/customers/search';
import { listImportBatches, undoImportBatch } from '../../services/imports/batches';
import { commitImport, previewImport } from '../../services/imports/runImport';
import { importTemplate } from '../../services/imports/template';
import { importInProgress } from '../../services/imports/progress';
import { exportProductsXlsx } from '../../services/products/exportProducts';
import {
  archiveProduct,
  createProduct,
  getProduct,
  listProducts,
  restoreProduct,
  updateProduct,
} from '../../services/products/products';
import type { HandlerMap } from './types';

export const customerFileHandlers: HandlerMap<keyof typeof customerFileMethods> = {
  'customers.list': (ctx, input) => listCustomers(ctx, input),
  'customers.get': (ctx, input) => getCustomer(ctx, input.id),
  'customers.moneyHeader': (ctx, input) => customerMoneyHeader(ctx, input.id),
  'customers.nextCode': (ctx) => ({ code: nextCustomerCode(ctx) }),
  'customers.defaults': (ctx) => customerDefaults(ctx),
  'customers.facets': (ctx) => customerFacets(ctx),
  'customers.create': (ctx, input) => createCustomer(ctx, input),
  'customers.update': (ctx, input) => updateCustomer(ctx, input),
  'customers.archive': (ctx, input) => archiveCustomer(ctx, input.id, input.reason),
  'customers.restore': (ctx, input) => restoreCustomer(ctx, input.id, input.reason),
  'customers.delete': (ctx, input) => deleteCustomer(ctx, input.id, input.reason),
  'customers.exportXlsx': (ctx, input) => exportCustomersXlsx(ctx, input),

  'contacts.list': (ctx, input) => {
    getCustomerRow(ctx, input.customerId);
    return listContacts(ctx, input.customerId);
  },
  'contacts.create': (ctx, { customerId, ...fields }) => createContact(ctx, customerId, fields),
  'contacts.update': (ctx, input) => updateContact(ctx, input),
  'contacts.delete': (ctx, input) => deleteContact(ctx, input.id),
  'contacts.setPrimary': (ctx, input) => setPrimaryContact(ctx, input.id),

  'interactions.list': (ctx, input) => listInteractions(ctx, input.customerId, input.limit),
  'interactions.create': (ctx, input) => createInteraction(ctx, input),
  'interactions.calendar': (ctx, input) => interactionCalendar(ctx, input),

  'products.list': (ctx, input) => listProducts(ctx, input),
  'products.get': (ctx, input) => getProduct(ctx, input.id),
  'products.create': (ctx, input) => createProduct(ctx, input),
  'products.update': (ctx, input) => updateProduct(ctx, input),
  'products.archive': (ctx, input) => archiveProduct(ctx, input.id, input.reason),
  'products.restore': (ctx, input) => restoreProduct(ctx, input.id, input.reason),
  'products.exportXlsx': (ctx, input) => exportProductsXlsx(ctx, input),

  'imports.preview': (ctx, input) => previewImport(ctx, input),
  'imports.commit': (ctx, input) => commitImport(ctx, input),
  'imports.batches': (ctx, input) => listImportBatches(ctx, input.kind),
  'imports.undo': (ctx, input) => undoImportBatch(ctx, input.batchId, input.reason),
  'imports.template': (_ctx, input) => importTemplate(input.kind),
  'imports.status': (ctx) => importInProgress(ctx.db),
};
