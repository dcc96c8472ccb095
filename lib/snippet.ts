import { MAX_BODY_LENGTH, MAX_FILL_INS } from './limits';
import { parseTemplate } from './template';
import { z } from './z';

export const PhaseSchema = z.enum(['presale', 'insale', 'aftersale', 'care']);
export type Phase = z.infer<typeof PhaseSchema>;

export const SnippetSchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string().min(1).max(100),
  body: z.string().min(1).max(MAX_BODY_LENGTH),
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

/** What a file or the editor carries of a snippet: no usage counts, no position; its fill-ins must parse, at most MAX_FILL_INS of them. */
export const SnippetDraftSchema = SnippetSchema.pick({ id: true, title: true, body: true, shortcut: true, lang: true, phase: true, tags: true, folder: true, sites: true }).superRefine((s, ctx) => {
  // zod runs this even when the body already failed its length: a body over it is refused for that alone,
  // and its fill-ins are not parsed (a pasted megabyte of them would hold the page for nothing).
  if (typeof s.body !== 'string' || s.body.length > MAX_BODY_LENGTH) return;
  const { keys, errors } = parseTemplate(s.body);
  for (const error of errors) ctx.addIssue({ code: 'custom', path: ['body'], message: error });
  if (keys.length > MAX_FILL_INS) ctx.addIssue({ code: 'custom', path: ['body'], message: `${keys.length} different fill-ins: a snippet has at most ${MAX_FILL_INS}` });
});
export type SnippetDraft = z.infer<typeof SnippetDraftSchema>;
