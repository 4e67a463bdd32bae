import { defineConfigWithTheme, type DefaultTheme } from 'vitepress'
import { sections, sectionLink, sectionTitle, type Locale } from '../demos/course/plan'
import { isolationHeaders } from '../scripts/isolation-headers'
import { distDir, siteBase } from '../scripts/site-paths'
import { demoFencePlugin } from './demo-fence'
import { exerciseBlocksPlugin } from './exercise-blocks'
import { isolationPlugin } from './isolation-plugin'
import { instructorNotesPlugin } from './instructor-notes'

/** Base path for sub-path hosting, chosen at build time: `BASE=/lesson/ npm run build`. */
const base = siteBase()

function sidebar(locale: Locale): DefaultTheme.SidebarItem[] {
  const home = locale === 'zh' ? '/zh/' : '/'
  return [
    {
      text: locale === 'zh' ? '第 8 讲' : 'Lesson 8',
      items: [
        { text: locale === 'zh' ? '课程地图' : 'Course map', link: home },
        ...sections.map((s) => ({ text: sectionTitle(s, locale), link: sectionLink(s, locale) })),
      ],
    },
    {
      text: locale === 'zh' ? '关于本站' : 'About this site',
      items: [{ text: locale === 'zh' ? '演示如何工作' : 'How the demos work', link: `${home}how-demos-work` }],
    },
  ]
}

const credit = {
  en: 'Based on “第 8 讲 内存模型与性能调优” (Lesson 8: Memory model and performance tuning) by 程序员晚枫, from the <a href="https://github.com/CoderWanFeng/python-office">python-office</a> course. Text and code of this site are its own.',
  zh: '本站基于 python-office 课程（<a href="https://github.com/CoderWanFeng/python-office">python-office</a>）程序员晚枫的《第 8 讲 内存模型与性能调优》。本站文字与代码均为原创改写。',
}

/** The default theme's options plus the text stamped on exported PNGs. */
export type ThemeConfig = DefaultTheme.Config & { watermark?: string }

export default defineConfigWithTheme<ThemeConfig>({
  srcDir: 'docs',
  // OUT_DIR=… builds elsewhere (the sub-path end-to-end run keeps the main build untouched).
  outDir: distDir,
  base,
  title: 'Lesson 8 Lab',
  description: 'Memory models and performance tuning, from CPython to V8, with demos that run and measure in your browser.',
  cleanUrls: false,
  lastUpdated: false,
  appearance: true,
  head: [
    ['link', { rel: 'icon', type: 'image/svg+xml', href: `${base}favicon.svg` }],
    // Installable offline copy: scripts/postbuild.ts writes the manifest and the service worker.
    ['link', { rel: 'manifest', href: `${base}manifest.webmanifest` }],
    ['meta', { name: 'theme-color', content: '#3451b2' }],
  ],
  locales: {
    root: {
      label: 'English',
      lang: 'en-US',
      themeConfig: {
        nav: [
          { text: 'Course map', link: '/' },
          { text: '8.7 Log aggregator', link: '/8-7-log-aggregator' },
          { text: 'Homework', link: '/8-9-homework' },
          { text: 'How the demos work', link: '/how-demos-work' },
        ],
        sidebar: sidebar('en'),
        footer: { message: credit.en, copyright: 'Lesson 8 Lab' },
      },
    },
    zh: {
      label: '简体中文',
      lang: 'zh-CN',
      link: '/zh/',
      title: '第 8 讲实验室',
      description: '内存模型与性能调优：从 CPython 到 V8，演示在浏览器里运行并实测。',
      themeConfig: {
        nav: [
          { text: '课程地图', link: '/zh/' },
          { text: '8.7 日志聚合器', link: '/zh/8-7-log-aggregator' },
          { text: '课后作业', link: '/zh/8-9-homework' },
          { text: '演示如何工作', link: '/zh/how-demos-work' },
        ],
        sidebar: sidebar('zh'),
        footer: { message: credit.zh, copyright: 'Lesson 8 Lab' },
        outline: { label: '本页目录', level: [2, 3] },
        docFooter: { prev: '上一节', next: '下一节' },
        darkModeSwitchLabel: '外观',
        lightModeSwitchTitle: '切换到浅色模式',
        darkModeSwitchTitle: '切换到深色模式',
        sidebarMenuLabel: '目录',
        returnToTopLabel: '回到顶部',
        langMenuLabel: '切换语言',
        notFound: {
          title: '页面未找到',
          quote: '这一页不存在，也许它已被垃圾回收。',
          linkLabel: '回到首页',
          linkText: '回到首页',
        },
      },
    },
  },
  themeConfig: {
    /** Text stamped on every exported PNG (charts, flame graphs). */
    watermark: 'Lesson 8 Lab',
    outline: { level: [2, 3] },
    notFound: {
      title: 'PAGE NOT FOUND',
      quote: 'Nothing references this page any more: it has been garbage-collected.',
      linkLabel: 'Go to the course map',
      linkText: 'Course map',
    },
    search: {
      provider: 'local',
      options: {
        locales: {
          zh: {
            translations: {
              button: { buttonText: '搜索', buttonAriaLabel: '搜索' },
              modal: {
                displayDetails: '显示详情',
                resetButtonTitle: '清除查询',
                backButtonTitle: '关闭搜索',
                noResultsText: '没有找到结果',
                footer: { selectText: '选择', navigateText: '切换', closeText: '关闭' },
              },
            },
          },
        },
      },
    },
  },
  markdown: {
    config(md) {
      demoFencePlugin(md)
      exerciseBlocksPlugin(md)
      instructorNotesPlugin(md)
    },
  },
  vite: {
    // `npm start` serves with the same cross-origin isolation headers as `npm run serve`.
    plugins: [isolationPlugin()],
    server: { headers: isolationHeaders },
    preview: { headers: isolationHeaders },
    // Workers import modules (the runner, sucrase, tinybench, Monaco's language services).
    worker: { format: 'es' },
    build: { chunkSizeWarningLimit: 8000 },
  },
})
