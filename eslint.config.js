import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Markup from strings is how page text becomes script: no API that parses HTML, on any object.
const NO_HTML_SINKS = [
  { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML|srcdoc)$/]", message: 'Never render text as HTML: set textContent or let Preact render it.' },
  { selector: "Property[key.name=/^(innerHTML|outerHTML|srcdoc)$/]", message: 'Never render text as HTML (not through Object.assign either).' },
  { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|write|writeln)$/]", message: 'Never parse strings as HTML.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render text as HTML.' },
  { selector: "CallExpression[callee.name=/^(eval|Function)$/], NewExpression[callee.name='Function']", message: 'No code from strings (and no eval in extension pages).' },
];

// What runs inside the sites' pages stays small and holds no data access: it reads the page and
// sends one message. zod (size), idb and the database belong to the background and our own pages.
const CONTENT_SCRIPT_FILES = ['entrypoints/*.content/**', 'lib/sites/**', 'lib/card-host/**'];
const NOT_IN_CONTENT_SCRIPTS = {
  paths: [
    { name: 'zod', allowTypeImports: false, message: 'zod stays out of content scripts: validate in the background.' },
    { name: 'idb', message: 'Content scripts never open the database: ask the background.' },
  ],
  patterns: [
    { regex: '(^|/)lib/(db|io)(/|$)|^(\\.\\./)+(db|io)(/|$)|^zod/', message: 'Content scripts never touch the database, imports or zod: ask the background.' },
    // These two import zod at run time; their types are fine (erased from the build).
    { regex: '(^|/)(domain/schema|messaging/protocol)$', allowTypeImports: true, message: 'This module brings zod into the content script: import its types only.' },
  ],
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'bench-out/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...NO_HTML_SINKS],
    },
  },
  {
    files: CONTENT_SCRIPT_FILES,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', NOT_IN_CONTENT_SCRIPTS] },
  },
  // The team server (server/) runs in Node on the team's machine; nothing the extension bundles may
  // import it (its code, its configuration or its tokens would ship in the build).
  {
    files: ['entrypoints/**', 'lib/**', 'components/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)server(/|$)', message: 'The extension never bundles the team server: it talks to it over WebSocket.' }] }],
    },
  },
  // The benchmark's floor extension (bench/floor): plain scripts on the chrome.* API.
  { files: ['bench/floor/**/*.js'], languageOptions: { globals: { ...globals.webextensions } } },
);
