// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['node_modules/', 'assembly/', '.vitepress/cache/', '.vitepress/dist/', '.vitepress/dist-lesson/', '.vitepress/dist-firefox/', 'dist-zip/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // demos/ is pure TypeScript that must run in Node and in a worker: no DOM, no Vue, no Monaco.
    files: ['demos/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'sessionStorage'],
      'no-restricted-imports': [
        'error',
        { patterns: ['vue', 'vitepress', 'vitepress/*', 'monaco-editor', 'monaco-editor/*', '../components/*', '../../components/*'] },
      ],
    },
  },
  {
    // Tests may assert that a value exists with `!` after checking the list it comes from.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
)
