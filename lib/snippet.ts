import { parseTemplate } from './template';
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
  tags: z.array(z.string().max(40)).max(20),
  /** Where it sits in the library's tree, e.g. '售后/安抚五步'. */
  folder: z.string().max(100).optional(),
  /** Adapter ids it is offered on; absent or empty = every console. */
  sites: z.array(z.string().max(40)).max(20).optional(),
  /** Position in the library, lowest first. */
  order: z.number(),
  uses: z.number().int().nonnegative(),
  lastUsedAt: z.number().int().nonnegative().optional(),
  /** Uses per local day ('YYYY-MM-DD'), for the small chart on the options page. */
  usesByDay: z.record(z.string(), z.number().int().nonnegative()).optional(),
});
export type Snippet = z.infer<typeof SnippetSchema>;

/** What a file or the editor carries of a snippet: no usage counts, no position; its fill-ins must parse. */
export const SnippetDraftSchema = SnippetSchema.pick({ id: true, title: true, body: true, shortcut: true, lang: true, phase: true, tags: true, folder: true, sites: true }).superRefine((s, ctx) => {
  for (const error of parseTemplate(s.body).errors) ctx.addIssue({ code: 'custom', path: ['body'], message: error });
});
export type SnippetDraft = z.infer<typeof SnippetDraftSchema>;
