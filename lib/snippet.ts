import { z } from './z';

export const PhaseSchema = z.enum(['presale', 'insale', 'aftersale', 'care']);
export type Phase = z.infer<typeof PhaseSchema>;

export const SnippetSchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string().min(1).max(100),
  body: z.string().min(1).max(2_000),
  /** Typed then Tab to expand; optional. */
  shortcut: z.string().max(30).optional(),
  lang: z.enum(['zh', 'en']),
  phase: PhaseSchema,
  tags: z.array(z.string().max(30)).max(20),
  /** Position in the library, lowest first. */
  order: z.number(),
  uses: z.number().int().nonnegative(),
  lastUsedAt: z.number().int().nonnegative().optional(),
});
export type Snippet = z.infer<typeof SnippetSchema>;
