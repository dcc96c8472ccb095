import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Page and buyer text is untrusted: never parse it as HTML.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render page text as text (textContent / JSX), never as HTML.' },
        { property: 'outerHTML', message: 'Render page text as text (textContent / JSX), never as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Render page text as text, never as HTML.' },
      ],
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render page text as HTML.' }],
    },
  },
);
