import { z } from 'zod';

/** A text shown to people, in both languages of the product: Russian first, English second. */
export const Bilingual = z
  .strictObject({
    ru: z.string().min(1),
    en: z.string().min(1),
  })
  .meta({ id: 'Bilingual', description: 'Text in Russian (ru) and English (en).' });
export type Bilingual = z.infer<typeof Bilingual>;
