// Failed containers' and services' output in the job summary: each folded under its name, all of them
// together within TAILS_BUDGET_BYTES (the log and the JSON report keep what is left out).
import { plural, truncate } from '../format.js'
import { TAILS_BUDGET_BYTES, byteLength, tailOf } from './budget.js'
import { details, pre } from './html.js'

/** `Output of <name> (last N lines | all)<where>`, folded, the end of the output inside (escaped). */
export function outputBlock(name: string, output: string, truncated: boolean, where = ''): string {
  const tail = tailOf(output)
  const lines = tail.text.split('\n').length
  const label = tail.cut || truncated ? `last ${plural(lines, 'line')}` : 'all'
  return details(`Output of ${truncate(name, 100)} (${label})${where}`, pre(tail.text))
}

/** Appends blocks to `parts` while they fit in the tails' budget together; counts those left out. */
export class TailsBudget {
  private used = 0
  leftOut = 0

  constructor(private readonly parts: string[]) {}

  add(html: string): void {
    const size = byteLength(html)
    if (this.used + size > TAILS_BUDGET_BYTES) {
      this.leftOut++
      return
    }
    this.used += size
    this.parts.push(html)
  }
}
