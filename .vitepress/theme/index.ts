import { defineAsyncComponent } from 'vue'
import DefaultTheme from 'vitepress/theme'
import type { Theme } from 'vitepress'
import Layout from './Layout.vue'
import DemoPending from '../../components/DemoPending.vue'
import CourseMap from '../../components/CourseMap.vue'
import './custom.css'

export default {
  extends: DefaultTheme,
  Layout,
  enhanceApp({ app }) {
    app.component('DemoPending', DemoPending)
    app.component('CourseMap', CourseMap)
    // Loaded only by pages that have a demo: pages without one carry none of the runner's code.
    app.component(
      'DemoBlock',
      defineAsyncComponent(() => import('../../components/demo/DemoBlock.vue')),
    )
  },
} satisfies Theme
