import type { Locale } from '../../demos/course/plan'

/** Texts of the offline copy (update offer) and of the isolation notice, in both languages. */
const en = {
  updateReady: 'A new version of this site is available.',
  reload: 'Reload',
  later: 'Later',
  isolated: 'This page is cross-origin isolated: SharedArrayBuffer, 5 µs timers and measureUserAgentSpecificMemory are on.',
  offlineReady: 'The whole site, editor included, is stored in this browser and works offline.',
  offlineInstalling: 'The offline copy of the site is being stored in this browser.',
  notIsolated: 'This page is not cross-origin isolated, so some features are off:',
  offFeatures: [
    'SharedArrayBuffer is not available;',
    'timers are coarsened to about 100 µs, so very short benchmarks are noisier;',
    'measureUserAgentSpecificMemory is off: the memory meter falls back to performance.memory (Chromium) or shows no figure.',
  ],
  why: 'Why:',
  reasons: {
    file: 'the site was opened from a file (file://). Browsers run no service worker there. Serve the folder with any static server instead, e.g. python3 -m http.server.',
    insecure: 'the address is neither https nor localhost, and browsers allow service workers only on secure origins. Use https, or open it as localhost on the machine that serves it.',
    unsupported: 'this browser has no service workers (or they are turned off, as in some private modes).',
    installing: 'the service worker that adds the isolation headers is still being installed; the page reloads once when it is ready.',
    failed: 'the service worker could not be installed (blocked by the browser or its settings, or storage is full).',
    unknown: 'the server sends no isolation headers and the service worker has not taken over yet. Reload the page.',
  },
}

type Texts = typeof en

const zh: Texts = {
  updateReady: '本站有新版本。',
  reload: '重新加载',
  later: '稍后',
  isolated: '本页已启用跨源隔离：SharedArrayBuffer、5 微秒计时器和 measureUserAgentSpecificMemory 都可用。',
  offlineReady: '整个网站（包括编辑器）已保存在本浏览器中，断网也能用。',
  offlineInstalling: '正在把网站的离线副本保存到本浏览器。',
  notIsolated: '本页没有跨源隔离，因此以下功能不可用：',
  offFeatures: [
    '没有 SharedArrayBuffer；',
    '计时器被粗化到约 100 微秒，很短的基准测试噪声更大；',
    '没有 measureUserAgentSpecificMemory：内存读数改用 performance.memory（Chromium）或不显示数字。',
  ],
  why: '原因：',
  reasons: {
    file: '网站是以文件方式（file://）打开的，浏览器不会在这里运行 service worker。请用任意静态服务器提供这个文件夹，例如 python3 -m http.server。',
    insecure: '地址既不是 https 也不是 localhost，而浏览器只在安全来源上允许 service worker。请使用 https，或在提供网站的那台机器上用 localhost 打开。',
    unsupported: '这个浏览器没有 service worker（或已被关闭，某些隐私模式就是这样）。',
    installing: '负责添加隔离响应头的 service worker 还在安装；准备好后页面会自动重新加载一次。',
    failed: 'service worker 无法安装（被浏览器或其设置拦截，或存储空间已满）。',
    unknown: '服务器没有发送隔离响应头，service worker 也尚未接管。请重新加载页面。',
  },
}

export function offlineTexts(locale: Locale): Texts {
  return locale === 'zh' ? zh : en
}
