import { z } from 'zod';
import { ChecklistName, RoleName } from './names';

// The `vault:` section of a rules file: who may do what with the station credentials kept in
// «Доступы» on each card, and how a one-time link hands them to the client.

const roles = (description: string) => z.array(RoleName).min(1).meta({ description });

export const VaultLinkConfig = z
  .strictObject({
    expiresInDays: z
      .number()
      .int()
      .min(1)
      .max(30)
      .default(3)
      .meta({ description: 'Calendar days a link to the client stays valid if nobody opens it.' }),
    checklist: ChecklistName.optional().meta({ description: 'The checklist whose item sending ticks, e.g. «Запуск».' }),
    item: z.string().trim().min(1).optional().meta({ description: 'The item sending ticks, e.g. «Доступы отправлены клиенту».' }),
  })
  .meta({ description: 'A one-time link that shows chosen entries to the client once.' });
export type VaultLinkConfig = z.infer<typeof VaultLinkConfig>;

export const VaultConfig = z
  .strictObject({
    view: roles('Roles who may reveal and copy secrets.'),
    edit: roles('Roles who may add, change and delete entries.'),
    share: roles("Roles who may send entries to the station's technical contact by a one-time link."),
    audit: roles('Roles who read the access log of a card and of the board. Default: the admins.').optional(),
    link: VaultLinkConfig.prefault({}),
  })
  .meta({ description: 'Station credentials kept encrypted by the service, revealed by role, every access logged.' });
export type VaultConfig = z.infer<typeof VaultConfig>;
