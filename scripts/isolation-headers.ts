/**
 * Headers that make the site cross-origin isolated (SharedArrayBuffer, 5 µs timers,
 * `performance.measureUserAgentSpecificMemory`). Safe for this site because every resource it loads
 * comes from its own origin.
 */
export const isolationHeaders: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
}
