import { z } from './z';

/** Longest id or name accepted from a page. */
export const MAX_ID = 200;

/** One shop's console on one site: the unit that waits, badges and tabs are kept by. */
export const ShopSchema = z.object({ site: z.string().min(1).max(40), shopId: z.string().min(1).max(MAX_ID) });
