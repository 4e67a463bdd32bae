import type { Locator, Page } from 'playwright-core'

/** Helpers that drive a demo block through its testing contract (data-demo, data-action, data-state). */
export function demo(page: Page, id: string): Locator {
  return page.locator(`[data-demo="${id}"]`)
}

export async function waitForState(block: Locator, states: string | string[], timeout = 30_000): Promise<string> {
  const wanted = Array.isArray(states) ? states : [states]
  const handle = await block.elementHandle()
  if (!handle) throw new Error('demo block not found')
  await block.page().waitForFunction(
    ({ el, list }) => list.includes((el as HTMLElement).dataset.state ?? ''),
    { el: handle, list: wanted },
    { timeout },
  )
  return (await block.getAttribute('data-state')) ?? ''
}

/** Clicks Run once the block is hydrated (the button is enabled when the runner is ready). */
export async function run(block: Locator): Promise<void> {
  const button = block.locator('[data-action="run"]')
  await button.waitFor()
  await block.page().waitForFunction((el) => !(el as HTMLButtonElement).disabled, await button.elementHandle())
  await button.click()
}

export async function outputText(block: Locator): Promise<string> {
  return (await block.locator('[data-output]').textContent()) ?? ''
}

/**
 * Replaces all the code in a demo's open editor as a reader would: select all, delete, type.
 * Monaco closes brackets and quotes as you type, so the text should avoid `{`, `(` at line ends.
 */
export async function replaceEditorText(block: Locator, text: string): Promise<void> {
  const page = block.page()
  await block.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(text)
}
