/** @jsxImportSource react */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { RERENDER_MS, type ComposerHandle, type ComposerOptions } from './types';
import './composers.css';

/**
 * A React-controlled <textarea>, as most seller consoles have: the value is React state, every render writes
 * it back into the DOM, and Send sends the state. Text put into the DOM without an `input` event that React
 * sees is overwritten on the next render (it re-renders every 250 ms by itself, like the console).
 */
interface Bridge {
  value: string;
  set?: (value: string) => void;
}

function ReactTextarea({ bridge, options }: { bridge: Bridge; options: ComposerOptions }) {
  const [value, setValue] = useState('');
  const [, setTick] = useState(0);
  bridge.value = value;
  bridge.set = setValue;
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), RERENDER_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => options.onChange(value), [value, options]);
  return <textarea className="composer-library composer-library--textarea" placeholder={options.placeholder} value={value} onChange={(e) => setValue(e.target.value)} />;
}

export function mount(host: HTMLElement, options: ComposerOptions): ComposerHandle {
  const bridge: Bridge = { value: '' };
  const root = createRoot(host);
  flushSync(() => root.render(<ReactTextarea bridge={bridge} options={options} />));
  return {
    text: () => bridge.value,
    clear: () => flushSync(() => bridge.set?.('')),
    destroy: () => root.unmount(),
  };
}
