/**
 * Exports a canvas as a PNG download with a title, a legend and a watermark text, the site's
 * counterpart of the original homework's "watermark on the flame graph".
 */
export interface ExportOptions {
  canvas: HTMLCanvasElement
  fileName: string
  title: string
  watermark: string
  legend: { label: string; color: string }[]
  dark: boolean
}

export function renderWatermarked(options: ExportOptions): HTMLCanvasElement {
  const { canvas, title, watermark, legend, dark } = options
  const pad = 16
  const header = 28 + (legend.length > 0 ? 20 : 0)
  const out = document.createElement('canvas')
  out.width = canvas.width + pad * 2
  out.height = canvas.height + header + pad * 2 + 8
  const ctx = out.getContext('2d')
  if (!ctx) throw new Error('2D canvas is not available')
  ctx.fillStyle = dark ? '#1b1b1f' : '#ffffff'
  ctx.fillRect(0, 0, out.width, out.height)
  ctx.fillStyle = dark ? '#dfdfd6' : '#3c3c43'
  ctx.font = 'bold 16px sans-serif'
  ctx.fillText(title, pad, pad + 14)
  let x = pad
  ctx.font = '13px sans-serif'
  for (const item of legend) {
    ctx.fillStyle = item.color
    ctx.fillRect(x, pad + 26, 12, 12)
    ctx.fillStyle = dark ? '#dfdfd6' : '#3c3c43'
    ctx.fillText(item.label, x + 16, pad + 37)
    x += ctx.measureText(item.label).width + 32
  }
  ctx.drawImage(canvas, pad, pad + header)
  // The watermark: bottom right, semi-transparent, always present.
  ctx.font = 'bold 18px sans-serif'
  ctx.textAlign = 'right'
  ctx.fillStyle = dark ? 'rgba(255,255,255,0.45)' : 'rgba(0,0,0,0.35)'
  ctx.fillText(watermark, out.width - pad, out.height - pad)
  return out
}

/** Downloads the watermarked PNG; resolves to the same image as a data: URL (e.g. for the homework zip). */
export async function downloadWatermarkedPng(options: ExportOptions): Promise<string> {
  const out = renderWatermarked(options)
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'))
  if (!blob) throw new Error('The browser could not encode the PNG')
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = options.fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return out.toDataURL('image/png')
}
