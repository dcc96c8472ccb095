import { render } from 'preact';
import { App } from './App';
import { composerText } from './composers/registry';
import { parseLayout, parseShape } from './layout';
import { Simulation, parseOptions, type DemoState } from './sim';
import './style.css';

const STORAGE_KEY = `kefu-demo:${location.search}`;
const options = parseOptions(location.search);
const layout = parseLayout(location.search);
const shape = parseShape(location.search);

// A real console reloads its history from the server; the demo keeps it in sessionStorage so a reload
// shows the same conversations.
function loadSaved(): DemoState | undefined {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as DemoState) : undefined;
  } catch {
    return undefined;
  }
}

const simulation = new Simulation(options, Date.now(), loadSaved());
const save = () => sessionStorage.setItem(STORAGE_KEY, JSON.stringify(simulation.state));
const root = document.getElementById('app')!;
const mount = () => render(<App simulation={simulation} layout={layout} shape={shape} onChange={save} />, root);

/** Hooks for tests and curious people, in the page's own world. */
declare global {
  interface Window {
    __kefuDemo: {
      simulation: Simulation;
      sent: () => string[];
      rerender: () => void;
      arrive: () => string;
      burst: (count: number) => void;
      /** The open conversation's buyer writes this text now. */
      buyerWrites: (text: string) => void;
      /** The text in the chat input's own model (the state or editor model that Send would send). */
      composerText: () => string;
    };
  }
}
window.__kefuDemo = {
  simulation,
  sent: () => [...simulation.state.sent],
  composerText,
  burst: (count: number) => {
    simulation.burst(count, Date.now());
    save();
    mount();
  },
  buyerWrites: (text: string) => {
    simulation.buyerWrites(text, Date.now());
    save();
    mount();
  },
  arrive: () => {
    const id = simulation.arriveNow(Date.now());
    save();
    mount();
    return id;
  },
  // Tears the whole app down and renders it again, as a single-page console does on navigation.
  rerender: () => {
    render(null, root);
    mount();
  },
};
save();
mount();
