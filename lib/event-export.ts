import { ChatEventSchema } from './chat-event';
import { isValidTimeZone } from './local-time';
import { MetricProfileSchema } from './metric-profiles';
import { explainZodError, isRecord, parseJsonText } from './json-file';
import { z } from './z';

/**
 * The shift export file: a shift's (or a day's) events with how they were counted, so a supervisor can
 * count them again (scripts/metrics.ts) or archive them. JSON:
 *
 *   {
 *     "format": "kefu-sidekick/events",   // identifies the file
 *     "version": 1,                       // bumped on an incompatible change
 *     "exportedAt": 1767225600000,        // epoch ms
 *     "timeZone": "Asia/Shanghai",        // IANA zone the days and the service window are counted in
 *     "profile": { ... },                 // the counting profile in use (lib/metric-profiles.ts)
 *     "period": { "start": ..., "end": ... },  // epoch ms, [start, end)
 *     "events": [ ChatEvent, ... ]        // lib/chat-event.ts
 *   }
 *
 * Unknown extra fields are ignored (dropped), so a newer tool may add fields without a version bump.
 */
export const EVENT_EXPORT_FORMAT = 'kefu-sidekick/events';
export const EVENT_EXPORT_VERSION = 1;

export const EventExportSchema = z.object({
  format: z.literal(EVENT_EXPORT_FORMAT),
  version: z.literal(EVENT_EXPORT_VERSION),
  exportedAt: z.number().int().nonnegative(),
  timeZone: z.string().refine(isValidTimeZone, { message: 'not a known IANA time zone' }),
  profile: MetricProfileSchema,
  period: z
    .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
    .refine((p) => p.end > p.start, { message: 'the period must end after it starts', path: ['end'] }),
  events: z.array(ChatEventSchema),
});
export type EventExport = z.infer<typeof EventExportSchema>;

export type ParseResult = { ok: true; value: EventExport } | { ok: false; error: string };

/** Pretty JSON (two-space indent, trailing newline). */
export function serializeEventExport(value: EventExport): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Reads an export file. The error is one sentence naming the entry and the field, e.g.
 * `events[12].sender: expected one of "buyer", "shop", "system" (got "robot")`.
 */
export function parseEventExport(text: string): ParseResult {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const { data } = json;
  if (!isRecord(data) || data.format !== EVENT_EXPORT_FORMAT) return { ok: false, error: 'format: this is not a Kefu Sidekick event export' };
  const { version } = data;
  if (typeof version === 'number' && Number.isInteger(version) && version > EVENT_EXPORT_VERSION) {
    return { ok: false, error: `version: ${version} is newer than this tool understands (${EVENT_EXPORT_VERSION})` };
  }
  const parsed = EventExportSchema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: explainZodError(parsed.error, data) };
}

export { formatPath } from './json-file';
