import { daySession } from './day-load';
import { round, type BenchResult, type Benchmark } from './support';

/**
 * 5. What a day of 100,000 events costs on disk (report only, no budget).
 *
 * Everything is kept locally, for weeks (retention), so the database's size per day matters to the
 * agent's machine. Measured as the growth of navigator.storage.estimate().usage in the extension's
 * origin over the load of benchmark 2 (same session, same events), against the same events' byte size
 * as JSON: the ratio says how much the stored form (records plus indexes plus the tracker's tables,
 * as Chrome's IndexedDB lays it out on disk) costs over the plain data. When benchmark 2 ran first, the
 * usage after its first 'metrics.get' is shown too: counting the day keeps a row per conversation.
 */
export const idbSize: Benchmark = {
  name: 'idb-size',
  title: 'IndexedDB size per 100,000 events',
  async run(ctx): Promise<BenchResult> {
    const day = await daySession(ctx);
    const growth = day.usageAfterLoad - day.usageBefore;
    const mb = (bytes: number) => round(bytes / 1_048_576, 1);
    return {
      name: this.name,
      title: this.title,
      figure: { value: mb(growth), unit: 'MB', label: 'storage usage growth over the load' },
      baseline: { value: mb(day.jsonBytes), unit: 'MB', label: 'the same events as JSON' },
      ratio: round(growth / day.jsonBytes, 2),
      status: 'REPORT',
      extra: {
        'usage before MB': mb(day.usageBefore),
        'usage after load MB': mb(day.usageAfterLoad),
        ...(day.usageAfterFirstRead === undefined ? {} : { 'usage after first metrics read MB': mb(day.usageAfterFirstRead) }),
        'bytes per event (stored)': round(growth / day.count, 0),
        'bytes per event (JSON)': round(day.jsonBytes / day.count, 0),
      },
      notes: ["storage.estimate() is Chrome's own accounting of the origin's files (IndexedDB's log and compaction included), read 1 s after the last batch"],
    };
  },
};
