// Monaco's editor contributions are imported for their side effects only and ship without types.
declare module 'monaco-editor/editor/contrib/*'
declare module 'monaco-editor/languages/definitions/typescript/register'
declare module 'monaco-editor/internal/common/workers'
