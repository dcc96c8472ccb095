import { fitId } from './page-data';
import { z } from './z';

/** Longest id or name accepted from a page. */
export const MAX_ID = 200;

/** One shop's console on one site: the unit that waits, badges and tabs are kept by. */
export const ShopSchema = z.object({
  // A built-in adapter's id, or a taught console's (lib/sites/custom/schema.ts: "custom-" and up to 63 more).
  site: z.string().min(1).max(80),
  // A page may print a longer shop id: shortened stably (lib/page-data.ts), never refused.
  shopId: z.preprocess((v) => (typeof v === 'string' ? fitId(v, MAX_ID) : v), z.string().min(1).max(MAX_ID)),
});
