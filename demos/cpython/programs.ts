import data from './programs.json'

/** The stepper programs of the 8.1 page (shared with scripts/record-cpython-fixture.py). */
export interface StepperProgram {
  readonly id: string
  readonly title: { readonly en: string; readonly zh: string }
  readonly watch: readonly string[]
  readonly source: readonly string[]
}

export const programs: readonly StepperProgram[] = data.programs

export function programById(id: string): StepperProgram {
  const p = programs.find((q) => q.id === id)
  if (!p) throw new Error(`no stepper program ${id}`)
  return p
}
