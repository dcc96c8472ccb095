import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { KefuDatabase } from '@/lib/db';
import { dispatch, parseRequest } from '@/lib/protocol';
import { createHandlers } from '@/lib/worker-handlers';

export default defineBackground(() => {
  // Everything lives in IndexedDB, nothing only in memory: Chrome stops this worker after 30 s idle.
  const db = new KefuDatabase();
  const handlers = createHandlers(db);
  browser.runtime.onMessage.addListener((message) => {
    // Not ours: leave it to other listeners by returning nothing.
    if (parseRequest(message) === null) return undefined;
    return dispatch(handlers, message);
  });
});
