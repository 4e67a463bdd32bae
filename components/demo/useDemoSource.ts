import { computed, onScopeDispose, ref, watch, type ComputedRef, type Ref } from 'vue'
import { decodeShareHash, encodeShareHash } from '../../demos/runner/share'

/**
 * The code of one demo: the original from the page, the reader's edit saved in localStorage (it
 * survives reloads), or code opened from a share link (shown, never run, never saved over the
 * reader's own edit until the reader changes it).
 */
export interface DemoSource {
  code: Ref<string>
  modified: ComputedRef<boolean>
  /** The code came from a share link and the reader has not changed it yet. */
  fromShare: Ref<boolean>
  /** A problem to tell the reader about (damaged share link, storage refused). */
  problem: Ref<'share-damaged' | 'storage-failed' | null>
  reset(): void
  shareUrl(): string
}

const STORAGE_PREFIX = 'lesson8:demo:'

function read(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

export function useDemoSource(pageKey: string, demoId: string, original: string): DemoSource {
  const key = `${STORAGE_PREFIX}${pageKey}:${demoId}`
  const problem = ref<DemoSource['problem']['value']>(null)
  const fromShare = ref(false)
  let initial = read(key) ?? original

  const shared = decodeShareHash(location.hash)
  if (shared && shared.demoId === demoId) {
    if ('code' in shared) {
      initial = shared.code
      fromShare.value = true
    } else {
      problem.value = 'share-damaged'
    }
  }

  const code = ref(initial)
  const modified = computed(() => code.value !== original)
  let timer: ReturnType<typeof setTimeout> | undefined

  function save(): void {
    try {
      if (code.value === original) localStorage.removeItem(key)
      else localStorage.setItem(key, code.value)
      if (problem.value === 'storage-failed') problem.value = null
    } catch {
      problem.value = 'storage-failed'
    }
  }

  watch(code, (value) => {
    if (fromShare.value && value === initial) return
    fromShare.value = false
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(save, 250)
  })

  // Save at once when the page is hidden or closed, so a quick reload keeps the last keystrokes.
  const flush = (): void => {
    if (timer !== undefined && !fromShare.value) save()
  }
  addEventListener('pagehide', flush)
  onScopeDispose(() => {
    flush()
    removeEventListener('pagehide', flush)
  })

  function reset(): void {
    code.value = original
    fromShare.value = false
    if (timer !== undefined) clearTimeout(timer)
    save()
  }

  function shareUrl(): string {
    const url = new URL(location.href)
    url.hash = encodeShareHash(demoId, code.value)
    return url.toString()
  }

  return { code, modified, fromShare, problem, reset, shareUrl }
}
