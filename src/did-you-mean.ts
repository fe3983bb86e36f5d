// Suggests the known word a mistyped key was probably meant to be (`expect-exitcode` → `expect-exit-code`).

/** Edit distance (insertions, deletions, substitutions), two rows at a time. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution))
    }
    previous = current
  }
  return previous[b.length]!
}

/** `expect_exit_code`, `expectExitCode` and `Expect-Exit-Code` all compare as `expectexitcode`. */
function squash(word: string): string {
  return word.toLowerCase().replace(/[-_\s]/g, '')
}

/** The closest known word, when it is close enough to be a plausible typo; otherwise undefined. */
export function didYouMean(word: string, known: readonly string[]): string | undefined {
  let best: { word: string; distance: number } | undefined
  for (const candidate of known) {
    const distance = squash(word) === squash(candidate) ? 0 : levenshtein(word.toLowerCase(), candidate)
    if (!best || distance < best.distance) best = { word: candidate, distance }
  }
  if (!best) return undefined
  // A third of the word may be wrong (at least 2 edits), so `timout` and `expect-ouput` find their key
  // but `colour` does not become `user`.
  const allowed = Math.max(2, Math.floor(best.word.length / 3))
  return best.distance <= allowed ? best.word : undefined
}
