/** @jsxImportSource react */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { actions, store } from './store';
import './style.css';

declare global {
  interface Window {
    /** The tests' hook, in the page's own world. */
    __fixture: {
      /** The open conversation's buyer writes now (throws when none is open). */
      buyerWrites(text: string): void;
      /** Texts the console's own Send sent, oldest first. */
      sent(): string[];
      /** A new buyer writes in a new conversation that is not open; returns its conversation id. */
      arrive(): string;
    };
  }
}

window.__fixture = {
  buyerWrites: (text) => actions.buyerWrites(text),
  sent: () => [...store.get().sent],
  arrive: () => actions.arrive(),
};

createRoot(document.getElementById('root')!).render(<App />);
