import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string'

/**
 * Share links carry a demo's code, compressed, in the URL hash: `#share=<demo id>:<lz-string>`.
 * Opening such a link shows the code and never runs it.
 */
const PREFIX = '#share='

export function encodeShareHash(demoId: string, code: string): string {
  return `${PREFIX}${demoId}:${compressToEncodedURIComponent(code)}`
}

export type SharedCode = { demoId: string; code: string } | { demoId: string; error: 'damaged' }

/** Reads a share hash; null when the hash is not a share link at all. */
export function decodeShareHash(hash: string): SharedCode | null {
  if (!hash.startsWith(PREFIX)) return null
  const body = hash.slice(PREFIX.length)
  const colon = body.indexOf(':')
  if (colon <= 0) return null
  const demoId = body.slice(0, colon)
  let code: string | null = null
  try {
    code = decompressFromEncodedURIComponent(body.slice(colon + 1))
  } catch {
    code = null
  }
  // lz-string returns '' or null for damaged input; an empty demo is never shared.
  if (code === null || code === '') return { demoId, error: 'damaged' }
  return { demoId, code }
}
