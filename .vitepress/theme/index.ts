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
  },
} satisfies Theme
