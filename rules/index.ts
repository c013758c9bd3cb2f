// The public face of rules/: what the server and the Power-Up import. Pure TypeScript, no I/O.

export { Bilingual } from './config/bilingual';
export { FieldDef, FieldGroup, SubFieldDef, FIELD_TYPES, type FieldType } from './config/field-schema';
export { AnyOfRequirement, Exit, FieldRequirement, Gate, ItemsRequirement } from './config/gate-schema';
export { Stage } from './config/stage-schema';
export { Checklist, ProcessConfig, type Language } from './config/process-config';
export { parseRules } from './config/parse-rules';
export {
  DEFAULT_ROUTES, NOTIFICATION_CHANNELS, NotificationChannel, NotificationRoute, Notifications,
} from './config/notifications-schema';
export type { RulesFormat } from './config/read-rules-text';
export { describeProblem, problemWhere, RulesError, type RulesErrorCode, type RulesProblem } from './config/rules-error';
export { processConfigJsonSchema, renderProcessConfigJsonSchema } from './config/json-schema';
export { ReportSpan, ReportsConfig } from './config/reports-schema';

export { evaluate } from './engine/evaluate';
export { missingForStage } from './engine/missing-for-stage';
export { FAILURE_CODES, type CardSnapshot, type Decision, type Direction, type Failure, type FailureCode, type Move } from './engine/types';

export { findStage, linearStages, nextStage, stagesUpTo } from './process/find-stage';
export { isInRole, membersOfRole, roleLabel, roleWithMembers, rolesOfMember, type People } from './process/roles';
export { adminRoles } from './process/admin-roles';
export { personWithLogin } from './process/person-label';
export { checklistForStage, findChecklist, findField } from './process/lookups';
export { normaliseName, sameName, sameUsername } from './process/same-name';

export { CalendarConfig, WorkingHours } from './calendar/calendar-schema';
export { calendarOf, type WorkCalendar } from './calendar/calendar-of';
export { isWorkingDay } from './calendar/is-working-day';
export { isLocalDate, type LocalDate } from './calendar/local-date';
export { workingTimeBetween, type WorkingTime } from './calendar/working-time-between';
export { addWorkingTime, type WorkingAmount } from './calendar/add-working-time';
export { stageEscalation, stageLimit } from './calendar/stage-limit';
export { stageTimeStatus, WARNING_SHARE, type StageTimeState, type StageTimeStatus } from './calendar/stage-time-status';
export { RUSSIAN_HOLIDAYS, RUSSIAN_WORKING_DAYS } from './calendar/russia';

export type * from './reports/report-types';
export type { DecisionLike, Period, ReportCard, VisitLike } from './reports/report-input';
export { reportSpans, DEFAULT_SPAN_KEY } from './reports/report-spans';
export { viewerRights } from './reports/viewer-rights';
export { boardSummary, type BoardSummaryInput } from './reports/board-summary';
export { completedOnboardings, type OnboardingRow } from './reports/completed-onboardings';
export { toDecisionRecord } from './reports/decision-record';
export { visitRecords } from './reports/visit-records';
export { statsOf, percentile, roundDays } from './reports/stats';
export { backwardMoves, cardFlow, type CardFlow } from './reports/card-flow';
export { monthOf, monthsOf, monthsEndingWith, shiftMonth } from './reports/months';
export { decisionTime } from './reports/refusals';

export { validateField } from './fields/validate-field';
export { checkValue, type Station, type ValueFieldDef } from './fields/check-value';
export { checkRepeatable, type ItemReport, type RepeatableReport } from './fields/repeatable';
export type { FieldResult } from './fields/field-result';
export { isBlank } from './fields/is-blank';
export { validateAccount } from './fields/account';
export { validateBik } from './fields/bik';
export { validateBoolean } from './fields/boolean';
export { validateEnum, validateMultiEnum } from './fields/choice';
export { validateDate } from './fields/date';
export { validateEmail } from './fields/email';
export { validateInn } from './fields/inn';
export { validateKpp } from './fields/kpp';
export { validateNumber } from './fields/number';
export { validateOgrn } from './fields/ogrn';
export { validatePhone } from './fields/phone';
export { validateMultiline, validateText } from './fields/text';
export { validateUrl } from './fields/url';

export { VaultEntryChange, VaultEntryFields } from './vault/vault-entry';
export { VAULT_ACTIONS, type VaultAction } from './vault/vault-actions';
export { VAULT_RIGHTS, vaultRights, vaultRoles, type VaultRight, type VaultRights } from './vault/vault-rights';
export { VaultConfig, VaultLinkConfig } from './config/vault-schema';
