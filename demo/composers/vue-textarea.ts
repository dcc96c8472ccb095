import { createApp, h, onMounted, onUnmounted, ref, vModelText, watch, withDirectives } from 'vue';
import { RERENDER_MS, type ComposerHandle, type ComposerOptions } from './types';
import './composers.css';

/**
 * A Vue 3 <textarea v-model="text">: `withDirectives(h('textarea'), [[vModelText, …]])` is what the template
 * compiler emits for v-model (the demo has the runtime-only build, no template compiler). v-model updates
 * the ref on `input` events (not during IME composition) and writes it back on every render; the component
 * re-renders every 250 ms by itself, like the console. Send sends the ref.
 */
export function mount(host: HTMLElement, options: ComposerOptions): ComposerHandle {
  const text = ref('');
  const container = host.ownerDocument.createElement('div');
  container.className = 'composer-library-root';
  host.append(container);
  const app = createApp({
    setup() {
      const tick = ref(0);
      let timer: ReturnType<typeof setInterval> | undefined;
      onMounted(() => (timer = setInterval(() => tick.value++, RERENDER_MS)));
      onUnmounted(() => clearInterval(timer));
      watch(text, (value) => options.onChange(value));
      return () =>
        withDirectives(
          h('textarea', {
            class: 'composer-library composer-library--textarea',
            placeholder: options.placeholder,
            'data-render': tick.value,
            'onUpdate:modelValue': (value: string) => (text.value = value),
          }),
          [[vModelText, text.value]],
        );
    },
  });
  app.mount(container);
  return {
    text: () => text.value,
    clear: () => {
      text.value = '';
    },
    destroy: () => {
      app.unmount();
      container.remove();
    },
  };
}
