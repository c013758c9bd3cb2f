import { z } from 'zod';
import { CalendarConfig } from '../calendar/calendar-schema';
import { Bilingual } from './bilingual';
import { FieldDef, FieldGroup } from './field-schema';
import { ChecklistName, RoleName, Username } from './names';
import { Notifications } from './notifications-schema';
import { ReportsConfig } from './reports-schema';
import { VaultConfig } from './vault-schema';
import { Stage } from './stage-schema';

export const Checklist = z.strictObject({
  name: ChecklistName,
  items: z.array(z.string().trim().min(1)).min(1),
});
export type Checklist = z.infer<typeof Checklist>;

const Members = z.array(Username).min(1);

/** A role: its members, or (to name it in people's messages) its label per language and members. */
export const Role = z.union([
  Members,
  z.strictObject({
    label: Bilingual.meta({ description: 'How messages name the role, e.g. { ru: директор, en: director }.' }),
    members: Members,
  }),
]);
export type Role = z.infer<typeof Role>;

/**
 * The whole process a board follows. Strict everywhere: a mistyped key in a file people write is
 * an error, never silently ignored. Cross-references (roles, fields, checklists, stages named
 * elsewhere) are checked by `parseRules`, which is the way to load one.
 */
export const ProcessConfig = z.strictObject({
  $schema: z.string().optional().meta({ description: 'The JSON Schema this file follows (editors use it).' }),
  language: z.enum(['ru', 'en']).default('ru').meta({ description: 'Language of comments and notifications.' }),
  allowBackward: z.boolean().default(true).meta({ description: 'May cards move to an earlier stage?' }),
  roles: z
    .record(RoleName, Role)
    .meta({ description: 'Each role and the Trello usernames of its members, with a label for messages or without.' }),
  // No zod default: the default (the stages' controllers) depends on the stages; see adminsOf.
  admins: z
    .array(RoleName)
    .min(1)
    .optional()
    .meta({ description: "Roles told about the service's own health, e.g. a restored webhook. Default: every stage's controller." }),
  groups: z.array(FieldGroup).default([]).meta({ description: 'Sections of the card form.' }),
  fields: z.array(FieldDef).default([]).meta({ description: 'The station fields of the card form.' }),
  checklists: z.array(Checklist).default([]),
  stages: z.array(Stage).min(1).meta({ description: 'The stages in order; side stages stand outside it.' }),
  calendar: CalendarConfig.prefault({}),
  notifications: Notifications.prefault({}),
  // No zod default: the default span and viewers depend on the stages and roles; see reportSpans.
  reports: ReportsConfig.optional(),
  // Absent: no «Доступы» on the cards, and the service needs no VAULT_KEYS.
  vault: VaultConfig.optional(),
});
export type ProcessConfig = z.infer<typeof ProcessConfig>;

export type Language = ProcessConfig['language'];
