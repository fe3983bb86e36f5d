// Docker versions are not semver: "19.03" has a leading zero (semver.coerce gives up on it), and
// "20.10.24+dfsg1" or "28.2.2-1ubuntu1" carry distribution suffixes. Compare the leading numbers.

/** The leading dotted numbers of a version, or undefined when it starts with none. */
export function versionParts(text: string): number[] | undefined {
  const match = /^\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text)
  if (!match) return undefined
  return [match[1], match[2], match[3]].map(part => Number(part ?? 0))
}

/** Negative, zero or positive like a comparator; undefined when either is not a version. */
export function compareVersions(a: string, b: string): number | undefined {
  const left = versionParts(a)
  const right = versionParts(b)
  if (!left || !right) return undefined
  for (let i = 0; i < 3; i++) {
    const diff = left[i]! - right[i]!
    if (diff !== 0) return Math.sign(diff)
  }
  return 0
}
