/**
 * The first-run setup's memory (issue 16): needed on an empty office, resumed
 * at the stored step after a restart (a new runtime on the same file), kept
 * once started even after customers arrive, gone when done; the default 账期
 * it sets keeps the ledger's credit-limit mode beside it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { OfficeSetupState } from '../../../shared/api/settings';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

let t: TempRuntime;
afterEach(() => t.cleanup());

describe('office setup', () => {
  it('is needed on an empty office, resumes where it stopped, and ends when done', async () => {
    t = await tempRuntime();
    const state = () => t.rt.invoke<OfficeSetupState>('settings.officeSetup', {});
    expect(await state()).toEqual({ step: 0, done: false, started: false, needed: true });
    await t.rt.invoke('settings.saveOfficeSetup', { step: 2, done: false });
    // A customer arriving (the import step) does not end a setup in progress.
    await t.rt.invoke('customers.create', { code: 'C0001', name: '福州闽江批发部' });
    expect(await state()).toMatchObject({ step: 2, started: true, needed: true });
    await t.rt.invoke('settings.saveOfficeSetup', { step: 4, done: true });
    expect(await state()).toMatchObject({ done: true, needed: false });
    await expect(t.rt.invoke('settings.saveOfficeSetup', { step: 9, done: false })).rejects.toMatchObject({ code: 'validation' });
  });

  it('an office with customers but no setup record is not sent to the wizard', async () => {
    t = await tempRuntime();
    await t.rt.invoke('customers.create', { code: 'C0001', name: '福州闽江批发部' });
    expect(await t.rt.invoke<OfficeSetupState>('settings.officeSetup', {})).toMatchObject({ needed: false, started: false });
  });

  it('the default 账期 is stored next to the credit-limit mode and used for new customers', async () => {
    t = await tempRuntime();
    await t.rt.invoke('ledger.updateSettings', { creditLimitMode: 'block' });
    await t.rt.invoke('settings.updateReceivables', { defaultPaymentTermDays: 45 });
    expect(await t.rt.invoke('settings.receivables', {})).toEqual({ defaultPaymentTermDays: 45 });
    expect(await t.rt.invoke('ledger.settings', {})).toEqual({ creditLimitMode: 'block' });
    expect(await t.rt.invoke<{ paymentTermDays: number }>('customers.defaults', {})).toMatchObject({ paymentTermDays: 45 });
    await expect(t.rt.invoke('settings.updateReceivables', { defaultPaymentTermDays: -1 })).rejects.toThrow(/默认账期天数不能小于 0/);
  });
});
