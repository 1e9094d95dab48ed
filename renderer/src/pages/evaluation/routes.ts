/** Evaluation screens (issue 14), registered in shell/routes.tsx with one line. */
import { IconChartDots3, IconHeadset, IconUserCheck, IconUsersGroup } from '@tabler/icons-react';
import type { RouteDef } from '../../shell/routes';
import { CasesPage } from './cases/CasesPage';
import { EvaluationPage } from './EvaluationPage';
import { SalespeoplePage } from './SalespeoplePage';
import { VisitsDuePage } from './VisitsDuePage';

export const evaluationDailyRoutes: RouteDef[] = [
  { pattern: '/visits', component: VisitsDuePage, nav: { label: 'evaluation.nav.visits', icon: IconUserCheck, group: 'daily' } },
  { pattern: '/after-sales', component: CasesPage, nav: { label: 'evaluation.nav.cases', icon: IconHeadset, group: 'daily' } },
];

export const evaluationRecordRoutes: RouteDef[] = [
  { pattern: '/evaluation', component: EvaluationPage, nav: { label: 'evaluation.nav.evaluation', icon: IconChartDots3, group: 'records' } },
  { pattern: '/salespeople', component: SalespeoplePage, nav: { label: 'evaluation.nav.salespeople', icon: IconUsersGroup, group: 'records' } },
];
