// The runner drops a step's whole job summary when it passes 1 MiB. The summary is rendered to a budget
// well under that: bounded parts first, then the images and containers tables share what is left, row by
// row, and say how many rows they left out.

/** GitHub's limit for one step's summary. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024
/** What renderSummary aims for, leaving room for the post step's line and for safety. */
export const SUMMARY_BUDGET_BYTES = 800 * 1024
/** Every smoke output tail in the summary together. */
export const TAILS_BUDGET_BYTES = 160 * 1024
/** One smoke output tail in the summary: at most this many lines and bytes (the end is kept). */
export const TAIL_LINES = 60
export const TAIL_CHARS = 8 * 1024

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

export interface FittedRows {
  rows: string[]
  bytes: number
  /** How many rows did not fit. */
  omitted: number
}

/** The leading rows that fit in `budget` bytes, in order. */
export function fitRows(rows: string[], budget: number): FittedRows {
  let bytes = 0
  let i = 0
  for (; i < rows.length; i++) {
    const size = byteLength(rows[i]!)
    if (bytes + size > budget) break
    bytes += size
  }
  return { rows: i === rows.length ? rows : rows.slice(0, i), bytes, omitted: rows.length - i }
}

/**
 * Splits `budget` between two lists of rows: when both fit, both are whole; otherwise the smaller one
 * gets what it needs up to half, and the other the rest.
 */
export function shareBudget(a: string[], b: string[], budget: number): [FittedRows, FittedRows] {
  const sizeA = a.reduce((sum, row) => sum + byteLength(row), 0)
  const sizeB = b.reduce((sum, row) => sum + byteLength(row), 0)
  if (sizeA + sizeB <= budget) {
    return [
      { rows: a, bytes: sizeA, omitted: 0 },
      { rows: b, bytes: sizeB, omitted: 0 }
    ]
  }
  const half = Math.floor(budget / 2)
  if (sizeA <= sizeB) {
    const first = fitRows(a, Math.min(sizeA, half))
    return [first, fitRows(b, budget - first.bytes)]
  }
  const second = fitRows(b, Math.min(sizeB, half))
  return [fitRows(a, budget - second.bytes), second]
}

/** The end of an output: the last `lines` lines, at most `chars` characters; says whether it cut. */
export function tailOf(text: string, lines = TAIL_LINES, chars = TAIL_CHARS): { text: string; cut: boolean } {
  let tail = text.replace(/\s+$/, '')
  let cut = false
  if (tail.length > chars) {
    tail = tail.slice(-chars)
    const firstBreak = tail.indexOf('\n')
    if (firstBreak >= 0 && firstBreak < tail.length - 1) tail = tail.slice(firstBreak + 1)
    cut = true
  }
  const split = tail.split(/\r?\n/)
  if (split.length > lines) {
    tail = split.slice(-lines).join('\n')
    cut = true
  }
  return { text: tail, cut }
}
