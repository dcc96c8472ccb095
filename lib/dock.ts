import { z } from './z';

/**
 * The sidebar docks beside the console instead of over it: the console is given the room the sidebar
 * takes, so nothing the console shows (its buyer panel, an order number, the Send button) is covered.
 * The agent moves it to the other side and sets its width; both are remembered per console.
 */
export const SIDEBAR_WIDTH = { min: 260, max: 520, default: 300 } as const;
/** Room the frame keeps around the open sidebar for its shadow (entrypoints/sidebar/style.css .frame). */
export const FRAME_PADDING = { width: 28, height: 28 } as const;
/** The collapsed sidebar: a tab this wide stays docked, so it too covers nothing. */
export const TAB_WIDTH = 40;

export const SidebarLayoutSchema = z.object({
  side: z.enum(['right', 'left']),
  width: z.number().int().min(SIDEBAR_WIDTH.min).max(SIDEBAR_WIDTH.max),
});
export type SidebarLayout = z.infer<typeof SidebarLayoutSchema>;
export const defaultLayout: SidebarLayout = { side: 'right', width: SIDEBAR_WIDTH.default };

export function clampWidth(width: number): number {
  return Math.round(Math.min(SIDEBAR_WIDTH.max, Math.max(SIDEBAR_WIDTH.min, width)));
}

/** The strip of the window the docked sidebar takes, in CSS pixels. */
export function dockedWidth(layout: SidebarLayout, collapsed: boolean): number {
  return collapsed ? TAB_WIDTH : layout.width + FRAME_PADDING.width;
}

/**
 * The page style that gives the console the room: a console root laid out in the normal flow gets a margin
 * on that side; one positioned fixed or absolute (a full-window app) has its edge moved in. `!important`:
 * the console's own styles must not take the room back.
 */
export function dockCss(rootSelector: string, rootPosition: string, side: SidebarLayout['side'], px: number): string {
  const positioned = rootPosition === 'fixed' || rootPosition === 'absolute';
  const rule = positioned ? `${side}: ${px}px !important;` : `margin-${side}: ${px}px !important; box-sizing: border-box !important;`;
  return `${rootSelector} { ${rule} }`;
}
