/**
 * The picker's styles, passed to createShadowRootUi as text: they live in the picker's shadow root only,
 * and no stylesheet file has to be made web-accessible to every site (see index.tsx).
 */
export const PICKER_CSS = `
:host { all: initial; }
.picker { font: 13px/1.5 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2329; }
.picker-overlay { position: fixed; inset: 0; pointer-events: none; z-index: 2147483600; }
.picker-box { position: fixed; box-sizing: border-box; pointer-events: none; border-radius: 2px; }
.picker-box--hover { border: 2px solid #1677ff; background: rgba(22, 119, 255, 0.12); }
.picker-box--matched { border: 2px dashed #389e0d; }
.picker-panel {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483601; width: 340px; max-height: calc(100vh - 32px); overflow: auto;
  box-sizing: border-box; padding: 12px 14px; background: #fff; border: 1px solid #d0d7de; border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
}
.picker-panel--left { right: auto; left: 16px; }
.picker-head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; margin-bottom: 8px; }
.picker-step, .picker-optional, .picker-note { color: #6e7781; font-size: 12px; }
.picker-parts { margin: 0 0 10px; padding: 0 0 0 18px; }
.picker-part { margin: 2px 0; }
.picker-part.is-current > button { font-weight: 600; }
.picker-part > span { margin-left: 6px; }
.picker-count { color: #389e0d; margin-left: 6px; }
.picker-warning { color: #cf222e; }
.picker-saved { color: #389e0d; font-weight: 600; }
.picker-hint { margin-bottom: 6px; font-weight: 600; }
.picker-chosen { margin-bottom: 6px; }
.picker-selector { display: block; padding: 4px 6px; background: #f6f8fa; border-radius: 4px; font: 12px ui-monospace, monospace; word-break: break-all; }
.picker-actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.picker-fields { display: grid; gap: 6px; }
.picker-field { display: grid; gap: 2px; }
.picker-field input { font: inherit; padding: 3px 6px; border: 1px solid #d0d7de; border-radius: 4px; }
.picker-field input[aria-invalid="true"] { border-color: #cf222e; }
.picker-foot { margin-top: 8px; text-align: right; }
button { font: inherit; padding: 3px 10px; border: 1px solid #d0d7de; border-radius: 4px; background: #f6f8fa; color: inherit; cursor: pointer; }
button.primary { background: #1677ff; border-color: #1677ff; color: #fff; }
button:disabled { opacity: 0.5; cursor: default; }
button.link { border: 0; background: none; padding: 0; color: #0969da; }
`;
