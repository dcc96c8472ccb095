/**
 * What an orphaned content script (the extension was updated or reloaded under an open tab) leaves on the
 * page: one line telling the agent that this tab stopped recording, and a button to reload it. Plain DOM
 * in a closed shadow root of a <div> (no custom element the page could have defined first); the texts were
 * read before the extension went away, since i18n is one of the APIs that are gone.
 */
export function showOrphanNotice(text: { notice: string; reload: string }): void {
  if (!document.body) return;
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `
:host { all: initial; }
div[role=alert] {
  position: fixed; z-index: 2147483600; top: 64px; right: 12px; max-width: 300px; box-sizing: border-box; padding: 10px 12px;
  font: 13px/1.5 system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #8c1d18;
  background: #fdecea; border: 1px solid #dc2626; border-radius: 10px; box-shadow: 0 6px 16px rgba(31, 35, 41, .18);
}
button { margin-top: 6px; padding: 3px 10px; border: 1px solid #8c1d18; border-radius: 6px; background: #fff; color: #8c1d18; font: inherit; cursor: pointer; }`;
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.append(text.notice, document.createElement('br'));
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text.reload;
  button.addEventListener('click', (event) => {
    if (event.isTrusted) location.reload();
  });
  box.append(button);
  root.append(style, box);
  document.body.append(host);
}
