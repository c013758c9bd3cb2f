import { z } from 'zod';

// The kinds of names a rules file uses to refer to things. Each carries the message a person sees
// when the name is malformed, so the schema explains itself.

export const FieldKey = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/, 'a field key is dotted camelCase, e.g. "contract.number"')
  .meta({ description: 'A field key, e.g. "contract.number".' });

export const SubFieldKey = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]*$/, 'a sub-field key is camelCase without dots, e.g. "sourceUrl"');

export const GroupKey = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'a group key is camelCase, e.g. "contract"');

export const RoleName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'a role name is a word in Latin letters, e.g. "director"')
  .meta({ description: 'A role defined under `roles`.' });

export const Username = z
  .string()
  .regex(/^@?[A-Za-z0-9_]+$/, 'a Trello username has letters, digits and underscores, e.g. "ivan_petrov"')
  .meta({ description: 'A Trello username (as in the profile URL), without spaces.' });

export const ListName = z.string().trim().min(1).meta({ description: 'A Trello list name: a stage of the process.' });

export const ChecklistName = z.string().trim().min(1).meta({ description: 'A checklist defined under `checklists`.' });
