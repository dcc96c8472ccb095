import type { EditorLayout } from '../layout';
import type { MountComposer } from './types';

/**
 * Each editor library is loaded only by the layout that uses it (its own chunk), so the standard layout
 * stays as small as it was.
 */
const loaders: Record<EditorLayout, () => Promise<{ mount: MountComposer }>> = {
  react: () => import('./react-textarea'),
  vue: () => import('./vue-textarea'),
  quill: () => import('./quill'),
  draft: () => import('./draft'),
  lexical: () => import('./lexical'),
  slate: () => import('./slate'),
  prosemirror: () => import('./prosemirror'),
  trix: () => import('./trix'),
  codemirror: () => import('./codemirror'),
  reverting: () => import('./reverting'),
};

export async function loadComposer(kind: EditorLayout): Promise<MountComposer> {
  return (await loaders[kind]()).mount;
}
