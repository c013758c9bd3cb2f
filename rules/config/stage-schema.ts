import { z } from 'zod';
import { Exit, Gate } from './gate-schema';
import { ChecklistName, ListName, RoleName } from './names';

/** One column of the board: who owns it, how long a card may stay, what it takes to get in. */
export const Stage = z.strictObject({
  list: ListName.meta({ description: 'The Trello list name of this stage.' }),
  owner: RoleName.meta({ description: 'The role told when a card arrives, and first to hear when it is late.' }),
  controller: RoleName.meta({ description: 'The role told when the owner lets the time limit pass.' }),
  limitWorkingDays: z.int().min(1).optional().meta({ description: 'Time limit in working days.' }),
  limitWorkingHours: z.int().min(1).optional().meta({ description: 'Time limit in working hours (instead of days).' }),
  escalateAfterWorkingDays: z
    .int()
    .min(1)
    .optional()
    .meta({ description: 'Working days after the time limit before the controller is told.' }),
  escalateAfterWorkingHours: z
    .int()
    .min(1)
    .optional()
    .meta({ description: 'Working hours after the time limit before the controller is told (instead of days).' }),
  checklist: ChecklistName.optional().meta({ description: 'Checklist added to the card when it enters.' }),
  side: z
    .boolean()
    .default(false)
    .meta({ description: 'A side stage (suspension) stands outside the order: its gate is its own.' }),
  suspension: z
    .boolean()
    .default(false)
    .meta({
      description:
        'Suspension of the service (usually a side stage): entering it tells its owner to stop, leaving it to ' +
        'resume; its time is kept apart and does not count against the limit of the stage the card returns to.',
    }),
  allowBackward: z.boolean().optional().meta({ description: 'May cards leave this stage for an earlier one? Overrides the top level.' }),
  gate: Gate.optional(),
  exit: Exit.optional().meta({ description: 'Side stages only: where a card may go next and who may move it.' }),
});
export type Stage = z.infer<typeof Stage>;
