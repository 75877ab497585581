/** 考核: schemes with must-reach and stretch targets, scorecards, diagnoses and PDCA improvement actions. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { registerFileReader } from '../media/file-readers.js';
import { readsEvidenceFile } from './assessment.access.js';
import {
  AssessmentAssignee,
  AssessmentDiagnosis,
  AssessmentEvidence,
  AssessmentIndicator,
  AssessmentScheme,
  AssessmentScore,
  AssessmentStanding,
  ImprovementAction,
} from './assessment.entity.js';
import { assessmentTodos, periodOver, scheduledDiagnosis } from './assessment.notifications.js';
import { ASSESSMENT_ACTIONS, assessmentPolicy } from './assessment.policy.js';
import { AssessmentSchemeResolver } from './assessment.resolver.js';
import { seedDemoAssessment } from './assessments.demo.js';

// Those who read a scorecard fetch its evidence files.
registerFileReader(readsEvidenceFile);

export default defineModule({
  name: 'assessments',
  entities: [AssessmentScheme, AssessmentIndicator, AssessmentAssignee, AssessmentEvidence, AssessmentDiagnosis, AssessmentScore, AssessmentStanding, ImprovementAction],
  resolvers: [AssessmentSchemeResolver],
  policy: assessmentPolicy,
  actions: ASSESSMENT_ACTIONS,
  reminders: [scheduledDiagnosis, periodOver],
  todos: [assessmentTodos],
  seed: (em) => seedDemoAssessment(em),
});
