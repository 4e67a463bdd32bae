/** Warm flame colours from a hash of the frame name, so a function keeps its colour when zooming. */
export function frameColor(name: string, dark: boolean): string {
  let h = 0
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0
  const hue = 10 + (h % 40)
  const light = dark ? 38 + (h % 12) : 62 + (h % 14)
  return `hsl(${hue}, 75%, ${light}%)`
}

export const MATCH_COLOR = '#8b5cf6'
