// .dockerignore rules, matched the way Docker matches them. @balena/dockerignore is a port of moby's
// matcher (patterns, `**`, `!` exceptions, last match wins, a pattern matching a parent directory
// matches everything under it); this module adds what a walker needs on top: whether a whole directory
// can be skipped without losing a `!` re-include somewhere inside it.

import { posix } from 'node:path'
import dockerignore from '@balena/dockerignore'

export interface IgnoreRules {
  /** True when the context-relative path (posix separators, no leading `./`) is excluded. */
  ignores(relativePath: string): boolean
  /**
   * True when an excluded directory can be skipped whole: no exception pattern could match the
   * directory itself, anything inside it, or one of its parents.
   */
  canPrune(relativeDir: string): boolean
}

/** Rules from the text of a .dockerignore (undefined or empty: nothing is ignored). */
export function parseIgnoreRules(text: string | undefined): IgnoreRules {
  const lines = (text ?? '').split(/\r?\n/)
  // Docker on Linux matches case-sensitively; the library's default is case-insensitive.
  // The typings declare an ES default export; at run time that is `module.exports.default` (the same function).
  const matcher = dockerignore.default({ ignorecase: false }).add(lines)
  const exceptions = lines.map(exceptionPattern).filter((p): p is string => p !== undefined)
  return {
    ignores: path => matcher.ignores(path),
    canPrune: dir => !exceptions.some(pattern => couldMatchWithin(pattern, dir))
  }
}

/** The cleaned pattern of a `!` line, as moby's dockerignore reader cleans it; undefined otherwise. */
function exceptionPattern(line: string): string | undefined {
  const trimmed = line.trim()
  if (!trimmed.startsWith('!')) return undefined
  let pattern = trimmed.slice(1).trim()
  if (pattern === '') return undefined
  pattern = posix.normalize(pattern).replace(/(?<=.)\/$/, '')
  if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1)
  return pattern
}

/**
 * Could `pattern` match `dir`, a path below it, or one of its parents? Compared a path segment at a
 * time: `**` can stand for any number of segments, so from there on anything could match; a segment
 * with wildcards is tested as a glob; a literal segment must be equal.
 */
export function couldMatchWithin(pattern: string, dir: string): boolean {
  const patternSegments = pattern.split('/')
  const dirSegments = dir.split('/')
  for (let i = 0; i < dirSegments.length; i++) {
    const segment = patternSegments[i]
    // The pattern names a parent of dir: files below match it through their parent.
    if (segment === undefined) return true
    if (segment.includes('**')) return true
    if (!segmentRegExp(segment).test(dirSegments[i]!)) return false
  }
  return true
}

/** One path segment of a pattern as a RegExp (`*`, `?`, `[...]`, `\` escapes), as Go's filepath.Match. */
function segmentRegExp(segment: string): RegExp {
  let source = '^'
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!
    if (ch === '*') source += '[^/]*'
    else if (ch === '?') source += '[^/]'
    else if (ch === '\\' && i + 1 < segment.length) source += escapeRegExp(segment[++i]!)
    else if (ch === '[') {
      const end = segment.indexOf(']', i + 1)
      if (end === -1) source += '\\['
      else {
        source += `[${segment.slice(i + 1, end).replace(/\\/g, '\\\\')}]`
        i = end
      }
    } else source += escapeRegExp(ch)
  }
  try {
    return new RegExp(`${source}$`)
  } catch {
    // A malformed class: assume it could match, so the directory is walked rather than pruned.
    return /^/
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
