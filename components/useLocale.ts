import { computed, type ComputedRef } from 'vue'
import { useData } from 'vitepress'
import type { Locale } from '../demos/course/plan'

/** The page's locale as the course plan names it ('en' or 'zh'), from VitePress's `lang`. */
export function useLocale(): ComputedRef<Locale> {
  const { lang } = useData()
  return computed(() => (lang.value.startsWith('zh') ? 'zh' : 'en'))
}
