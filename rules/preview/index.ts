// The rules dry run (POST /api/rules/preview): what a draft of the rules would change on a board as
// it is now. Pure: the server reads the board, the history and the audit log and hands them in.

export type * from './preview-types';
export { previewCard, failureTexts } from './preview-card';
export { readinessChanges } from './readiness-changes';
export { unmetGates } from './unmet-gates';
export { deadlineChanges, type CardDue, type VisitDue } from './deadline-changes';
export { knownMovers, noticeAudiences, NOTICE_KINDS, type NoticeAudience, type NoticeKind } from './notice-audiences';
export { routingChanges, type Reception } from './routing-changes';
export { replayMoves, type JudgedMove, type ReplayCard, type ReplayResult } from './replay-moves';
export { describePreview } from './describe-preview';
