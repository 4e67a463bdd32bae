import { ref, type Ref } from 'vue'
import { withBase } from 'vitepress'

/**
 * Registers the site's service worker (production builds only) and tracks what it means for the page:
 * whether the offline copy is ready, whether a new build waits, and why the page is not isolated.
 * Shared state: the layout's OfflineHost registers, the isolation notice only reads.
 */
export type WorkerStatus = 'off' | 'file' | 'insecure' | 'unsupported' | 'installing' | 'ready' | 'failed'

export const workerStatus: Ref<WorkerStatus> = ref('off')
export const updateWaiting: Ref<ServiceWorker | null> = ref(null)

const RELOADED_KEY = 'lesson8.sw.isolation-reload'
let registering = false
let acceptedUpdate = false
let lastCheck = 0

function statusBeforeRegistering(): WorkerStatus | null {
  if (location.protocol === 'file:') return 'file'
  if (!window.isSecureContext) return 'insecure'
  if (!('serviceWorker' in navigator)) return 'unsupported'
  return null
}

function reloadedOnce(): boolean {
  try {
    if (sessionStorage.getItem(RELOADED_KEY)) return true
    sessionStorage.setItem(RELOADED_KEY, '1')
    return false
  } catch {
    return true
  }
}

export async function registerServiceWorker(): Promise<void> {
  const blocked = statusBeforeRegistering()
  if (blocked) {
    workerStatus.value = blocked
    return
  }
  if (!import.meta.env.PROD || registering) return
  registering = true
  const sw = navigator.serviceWorker
  const hadController = sw.controller !== null
  workerStatus.value = hadController ? 'ready' : 'installing'
  sw.addEventListener('controllerchange', () => {
    if (acceptedUpdate) {
      location.reload()
    } else if (!hadController && !window.crossOriginIsolated && !reloadedOnce()) {
      // First visit on a host without headers: reload once so the worker can add COOP/COEP.
      location.reload()
    } else {
      workerStatus.value = 'ready'
    }
  })
  try {
    const registration = await sw.register(withBase('/sw.js'), { scope: withBase('/') })
    const offer = () => {
      if (registration.waiting && sw.controller) updateWaiting.value = registration.waiting
    }
    offer()
    registration.addEventListener('updatefound', () => {
      const installing = registration.installing
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed') offer()
        if (installing.state === 'activated' && !hadController) workerStatus.value = 'ready'
      })
    })
    await sw.ready
    if (sw.controller) workerStatus.value = 'ready'
  } catch {
    workerStatus.value = 'failed'
  }
}

/** Asks the server for a newer build (at most once a minute); called on page changes. */
export function checkForUpdate(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || Date.now() - lastCheck < 60_000) return
  lastCheck = Date.now()
  void navigator.serviceWorker.getRegistration(withBase('/')).then((r) => r?.update()).catch(() => undefined)
}

/** The reader accepted the update: the waiting worker takes over and the page reloads. */
export function acceptUpdate(): void {
  const waiting = updateWaiting.value
  if (!waiting) return
  acceptedUpdate = true
  waiting.postMessage({ type: 'SKIP_WAITING' })
}
