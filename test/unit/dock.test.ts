import { describe, expect, test } from 'vitest';
import { clampWidth, dockCss, dockedWidth, SIDEBAR_WIDTH } from '@/lib/dock';

describe('docking the sidebar beside the console', () => {
  test('the room taken is the sidebar and its shadow, or only the collapsed tab', () => {
    expect(dockedWidth({ side: 'right', width: 300 }, false)).toBe(328);
    expect(dockedWidth({ side: 'left', width: 400 }, false)).toBe(428);
    expect(dockedWidth({ side: 'right', width: 400 }, true)).toBe(40);
  });

  test('a console in the normal flow gets a margin; a full-window one has its edge moved in', () => {
    expect(dockCss('#app', 'static', 'right', 328)).toBe('#app { margin-right: 328px !important; box-sizing: border-box !important; }');
    expect(dockCss('.console', 'fixed', 'left', 40)).toBe('.console { left: 40px !important; }');
  });

  test('the agent’s width stays between the narrowest usable and the widest sensible', () => {
    expect(clampWidth(100)).toBe(SIDEBAR_WIDTH.min);
    expect(clampWidth(999)).toBe(SIDEBAR_WIDTH.max);
    expect(clampWidth(341.6)).toBe(342);
  });
});
