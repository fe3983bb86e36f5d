/** One thing wrong with one input. All problems are gathered and reported together, before any work. */
export interface InputProblem {
  input: string
  value: string
  expected: string
}

export function formatProblem(problem: InputProblem): string {
  const value = problem.value.length > 80 ? `${problem.value.slice(0, 77)}...` : problem.value
  return `Input "${problem.input}": ${JSON.stringify(value)} ${problem.expected}`
}

/** Collects problems; stage parsers push into it so one report lists everything wrong. */
export class ProblemList {
  readonly items: InputProblem[] = []

  add(input: string, value: string, expected: string): void {
    this.items.push({ input, value, expected })
  }

  get empty(): boolean {
    return this.items.length === 0
  }
}
