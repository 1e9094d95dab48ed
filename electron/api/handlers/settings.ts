import type { settingsMethods } from '../../../shared/api/settings';
import {
  clearCompanyLogo,
  getCompanyLogo,
  getCompanyProfile,
  setCompanyLogo,
  updateCompanyProfile,
} from '../../services/settings/companyProfile';
import { getOfficeSetup, saveOfficeSetup, updateReceivablesSettings } from '../../services/settings/officeSetup';
import { getReceivablesSettings } from '../../services/settings/receivables';
import { getUpdateFeed, updateUpdateFeed } from '../../services/settings/updateFeed';
import type { HandlerMap } from './types';

export const settingsHandlers: HandlerMap<keyof typeof settingsMethods> = {
  'settings.officeSetup': (ctx) => getOfficeSetup(ctx),
  'settings.saveOfficeSetup': (ctx, input) => saveOfficeSetup(ctx, input),
  'settings.receivables': (ctx) => getReceivablesSettings(ctx),
  'settings.updateReceivables': (ctx, input) => updateReceivablesSettings(ctx, input),
  'settings.getCompany': (ctx) => getCompanyProfile(ctx),
  'settings.updateCompany': (ctx, input) => updateCompanyProfile(ctx, input),
  'settings.setLogo': (ctx, input) => setCompanyLogo(ctx, input),
  'settings.clearLogo': (ctx) => clearCompanyLogo(ctx),
  'settings.getLogo': (ctx) => getCompanyLogo(ctx),
  'settings.getUpdateFeed': (ctx) => getUpdateFeed(ctx),
  'settings.updateUpdateFeed': (ctx, input) => updateUpdateFeed(ctx, input),
};
