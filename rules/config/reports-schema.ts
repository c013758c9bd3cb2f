import { z } from 'zod';
import { Bilingual } from './bilingual';
import { ListName, RoleName } from './names';

// The `reports:` section of a rules file: what the director's «Сводка» measures and who may see
// the figures that name people (refusals by person) and the exports (the client registry).

export const ReportSpan = z
  .strictObject({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'a span key is lower-case latin letters, digits and dashes, e.g. "onboarding"')
      .meta({ description: 'A stable name for the span, used in exports and links.' }),
    label: Bilingual,
    from: ListName.meta({ description: 'The stage whose first arrival starts the clock.' }),
    to: ListName.meta({ description: 'The stage whose first arrival after `from` stops it.' }),
  })
  .meta({ description: 'A named span of the process, measured in working days; suspension never counts.' });
export type ReportSpan = z.infer<typeof ReportSpan>;

export const ReportsConfig = z
  .strictObject({
    viewers: z
      .array(RoleName)
      .min(1)
      .optional()
      .meta({ description: 'Roles who see refusals by person and may download the exports. Default: the admins.' }),
    spans: z
      .array(ReportSpan)
      .optional()
      .meta({
        description:
          'Named spans; the first is the headline. Default: one span from the first stage to the last of the main path.',
      }),
  })
  .meta({ description: "What the director's summary measures, and who sees the figures that name people." });
export type ReportsConfig = z.infer<typeof ReportsConfig>;
