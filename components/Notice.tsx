/** A one-line message to the agent; `role=alert` for problems so screen readers announce them. */
export function Notice({ kind, text }: { kind: 'error' | 'warning' | 'info'; text: string }) {
  return (
    <p class={`notice notice--${kind}`} role={kind === 'info' ? 'status' : 'alert'}>
      {text}
    </p>
  );
}
