import type { evaluationMethods } from '../../../shared/api/evaluation';
import { listCases } from '../../services/afterSales/caseList';
import { addCaseNote, createCase, customerCaseEvents, getCase, linkCreditNote, setCaseStatus, updateCase } from '../../services/afterSales/cases';
import { exportSalespeopleXlsx } from '../../services/evaluation/exportSalespeople';
import { regrade } from '../../services/evaluation/regrade';
import { salespersonTable } from '../../services/evaluation/salespeople';
import { customerScorecard, scorecardList } from '../../services/evaluation/scorecards';
import { getEvaluationSettings, saveEvaluationSettings } from '../../services/evaluation/settings';
import { plannedVisits, visitsDue } from '../../services/evaluation/visitPlans';
import type { HandlerMap } from './types';

export const evaluationHandlers: HandlerMap<keyof typeof evaluationMethods> = {
  'evaluation.scorecards': (ctx, input) => scorecardList(ctx, input),
  'evaluation.card': (ctx, input) => customerScorecard(ctx, input),
  'evaluation.regrade': (ctx, input) => regrade(ctx, input),
  'evaluation.settings': (ctx) => getEvaluationSettings(ctx),
  'evaluation.saveSettings': (ctx, input) => saveEvaluationSettings(ctx, input),
  'visits.due': (ctx, input) => visitsDue(ctx, input),
  'visits.planned': (ctx, input) => plannedVisits(ctx, input),
  'cases.list': (ctx, input) => listCases(ctx, input),
  'cases.get': (ctx, input) => getCase(ctx, input.id),
  'cases.events': (ctx, input) => customerCaseEvents(ctx, input.customerId),
  'cases.create': (ctx, input) => createCase(ctx, input),
  'cases.update': (ctx, input) => updateCase(ctx, input),
  'cases.setStatus': (ctx, input) => setCaseStatus(ctx, input),
  'cases.linkCreditNote': (ctx, input) => linkCreditNote(ctx, input),
  'cases.addNote': (ctx, input) => addCaseNote(ctx, input),
  'salespeople.performance': (ctx, input) => salespersonTable(ctx, input),
  'salespeople.exportXlsx': (ctx, input) => exportSalespeopleXlsx(ctx, input),
};
