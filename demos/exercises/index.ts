import { defaultsExercise } from './ex-8-6-defaults'
import { generatorExercise } from './ex-8-5-generator'
import { pvuvExercise } from './ex-8-7-pvuv'
import { curvesHomework } from './hw-1-curves'
import { workersHomework } from './hw-2-workers'
import { profileHomework } from './hw-3-profile'
import type { Exercise } from './types'

/** Every exercise of the site, in course order (the sidebar progress and the homework zip read it). */
export const exercises: readonly Exercise[] = [generatorExercise, defaultsExercise, pvuvExercise, curvesHomework, workersHomework, profileHomework]

export function findExercise(id: string): Exercise | undefined {
  return exercises.find((e) => e.id === id)
}
