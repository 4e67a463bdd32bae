/**
 * Which exercises exist and in which section, without their code: the sidebar badge (on every page)
 * imports only this. test/demos/exercises checks it against index.ts.
 */
export const exerciseManifest: readonly { readonly id: string; readonly section: string }[] = [
  { id: 'ex-8-5-generator', section: '8.5' },
  { id: 'ex-8-6-defaults', section: '8.6' },
  { id: 'ex-8-7-pvuv', section: '8.7' },
  { id: 'hw-1-curves', section: '8.9' },
  { id: 'hw-2-workers', section: '8.9' },
  { id: 'hw-3-profile', section: '8.9' },
]
