// .dockerignore, read and matched exactly as Docker does: a port of moby/patternmatcher (New, the pattern
// compiler, MatchesOrParentMatches, MatchesUsingParentResults) and of its ignorefile.ReadAll, plus the
// syntax check Go's filepath.Match makes when patternmatcher.New calls it. The walkers that apply these
// rules (fsutil's for BuildKit, go-archive's for the classic builder) are in walk.ts.

import { readFile } from 'node:fs/promises'

/** The error Go's filepath.Match returns for a malformed pattern (filepath.ErrBadPattern). */
export const BAD_PATTERN = 'syntax error in pattern'

/** A .dockerignore that Docker refuses: Docker's own reason, and the line it comes from. */
export class IgnoreFileError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number | undefined,
    readonly file = '.dockerignore'
  ) {
    super(line === undefined ? `${file}: ${reason}` : `${file} line ${line}: ${reason}`)
    this.name = 'IgnoreFileError'
  }
}

export interface IgnoreFile {
  /** The patterns as ignorefile.ReadAll returns them (cleaned, `!` kept in front). */
  patterns: string[]
  /** The 1-based line of each pattern. */
  lines: number[]
}

// Go's unicode.IsSpace (strings.TrimSpace); unlike String.prototype.trim it keeps U+FEFF.
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'
const LEADING_SPACE = new RegExp(`^[${GO_SPACE}]+`)
const TRAILING_SPACE = new RegExp(`[${GO_SPACE}]+$`)

export function goTrimSpace(text: string): string {
  return text.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '')
}

/** Go's path/filepath.Clean on Unix. */
export function goClean(path: string): string {
  if (path === '') return '.'
  const rooted = path.startsWith('/')
  const out: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop()
      else if (!rooted) out.push('..')
    } else out.push(part)
  }
  const joined = (rooted ? '/' : '') + out.join('/')
  return joined === '' ? '.' : joined
}

/**
 * ignorefile.ReadAll: lines split as bufio.Scanner splits them (a `\r` before the `\n` dropped), a UTF-8
 * BOM stripped from the first, `#` comments (only in the first column), surrounding space trimmed, each
 * pattern cleaned and a leading `/` removed. `!` stays in front.
 */
export function readIgnoreFile(text: string | undefined): IgnoreFile {
  const result: IgnoreFile = { patterns: [], lines: [] }
  if (!text) return result
  const rawLines = text.split('\n')
  if (rawLines[rawLines.length - 1] === '') rawLines.pop()
  rawLines.forEach((raw, index) => {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (index === 0 && line.startsWith('\ufeff')) line = line.slice(1)
    if (line.startsWith('#')) return
    let pattern = goTrimSpace(line)
    if (pattern === '') return
    const invert = pattern.startsWith('!')
    if (invert) pattern = goTrimSpace(pattern.slice(1))
    if (pattern.length > 0) {
      pattern = goClean(pattern)
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1)
    }
    result.patterns.push(invert ? `!${pattern}` : pattern)
    result.lines.push(index + 1)
  })
  return result
}

/** Reads and checks a .dockerignore as docker does before a build: throws IgnoreFileError naming the line. */
export function parseIgnoreFile(text: string | undefined, file = '.dockerignore'): IgnoreFile {
  const read = readIgnoreFile(text)
  try {
    PatternMatcher.create(read.patterns)
  } catch (error) {
    if (error instanceof PatternError) throw new IgnoreFileError(error.message, read.lines[error.index], file)
    throw error
  }
  return read
}

/** patternmatcher.New refused pattern number `index`. */
export class PatternError extends Error {
  constructor(
    message: string,
    readonly index: number
  ) {
    super(message)
  }
}

type MatchType = 'exact' | 'prefix' | 'suffix' | 'regexp'

export class Pattern {
  private type?: MatchType
  private regexp?: RegExp
  private bad = false
  readonly dirs: string[]

  constructor(
    readonly cleaned: string,
    readonly exclusion: boolean
  ) {
    this.dirs = cleaned.split('/')
  }

  /** Throws BAD_PATTERN where patternmatcher's match returns filepath.ErrBadPattern. */
  match(path: string): boolean {
    if (this.type === undefined && !this.bad) this.compile()
    if (this.bad) throw new Error(BAD_PATTERN)
    switch (this.type) {
      case 'exact':
        return path === this.cleaned
      case 'prefix':
        return path.startsWith(this.cleaned.slice(0, -2))
      case 'suffix': {
        const suffix = this.cleaned.slice(2)
        if (path.endsWith(suffix)) return true
        return suffix.startsWith('/') && path === suffix.slice(1)
      }
      default:
        return this.regexp!.test(path)
    }
  }

  /**
   * patternmatcher's compile. It hands Go's regexp package a pattern; here the same pattern is spelled for
   * JavaScript (the `u` flag: Go's regexp works on code points), tracking character classes as Go's
   * regexp parser does so that what JavaScript spells differently (a lone `]`, escaped punctuation) is
   * translated. An escape Go's regexp rejects makes the pattern bad, as regexp.Compile failing does.
   */
  private compile(): void {
    let re = '^'
    let type: MatchType = 'exact'
    const chars = [...this.cleaned]
    let inClass = false
    let classStart = -1 // index in chars of the class's first member position
    for (let i = 0, iteration = 0; i < chars.length; i++, iteration++) {
      const ch = chars[i]!
      if (ch === '*') {
        if (chars[i + 1] === '*') {
          i++
          if (chars[i + 1] === '/') i++
          if (i + 1 >= chars.length) {
            if (type === 'exact') type = 'prefix'
            else {
              re += '.*'
              type = 'regexp'
            }
          } else {
            re += '(?:.*/)?'
            type = 'regexp'
          }
          if (iteration === 0) type = 'suffix'
        } else {
          re += '[^/]*'
          type = 'regexp'
        }
      } else if (ch === '?') {
        re += '[^/]'
        type = 'regexp'
      } else if ('.+()|{}$'.includes(ch)) {
        re += `\\${ch}`
      } else if (ch === '\\') {
        if (i + 1 < chars.length) {
          const translated = goEscape(chars[++i]!, inClass)
          if (translated === undefined) {
            this.bad = true
            return
          }
          re += translated
          type = 'regexp'
        } else re += '\\\\'
      } else if (ch === '[') {
        if (!inClass) {
          inClass = true
          classStart = chars[i + 1] === '^' ? i + 2 : i + 1
          re += '['
        } else re += '\\['
        type = 'regexp'
      } else if (ch === ']') {
        if (inClass && i !== classStart) {
          inClass = false
          re += ']'
        } else re += '\\]' // literal: outside a class, or first in one
        type = 'regexp'
      } else if (inClass && ch === '^' && i !== classStart - 1) {
        re += '\\^'
      } else re += ch
    }
    this.type = type
    if (type === 'regexp') {
      try {
        this.regexp = new RegExp(`${re}$`, 'u')
      } catch {
        this.bad = true
      }
    }
  }
}

/** A Go regexp escape `\c` as JavaScript (u flag) spells it; undefined where Go's regexp rejects it. */
function goEscape(c: string, inClass: boolean): string | undefined {
  if (/[0-9A-Za-z]/.test(c)) {
    if ('dDsSwWftnrv'.includes(c)) return `\\${c}`
    if (c === 'a') return '\\x07'
    if (!inClass && (c === 'b' || c === 'B')) return `\\${c}`
    if (!inClass && c === 'A') return '^'
    if (!inClass && c === 'z') return '$(?![\\s\\S])'
    return undefined // \x, \p, \Q, octal...: nothing a .dockerignore needs; treated as malformed
  }
  if (c.codePointAt(0)! >= 0x80) return undefined // Go: invalid escape sequence
  // Go takes any escaped ASCII punctuation literally; JavaScript's u flag only allows syntax characters.
  return /[\^$\\.*+?()[\]{}|/]/.test(c) || (inClass && c === '-') ? `\\${c}` : c
}

export interface MatchInfo {
  parentMatched: boolean[]
}

export const NO_MATCH_INFO: MatchInfo = { parentMatched: [] }

export class PatternMatcher {
  private constructor(
    readonly patterns: Pattern[],
    readonly exclusions: boolean
  ) {}

  /** patternmatcher.New: throws PatternError (with the pattern's index) for what Docker refuses. */
  static create(patterns: readonly string[]): PatternMatcher {
    const out: Pattern[] = []
    let exclusions = false
    patterns.forEach((raw, index) => {
      let p = goTrimSpace(raw)
      if (p === '') return
      p = goClean(p)
      let exclusion = false
      if (p.startsWith('!')) {
        if (p.length === 1) throw new PatternError('illegal exclusion pattern: "!"', index)
        exclusion = true
        exclusions = true
        p = p.slice(1)
      }
      if (!goPatternIsValid(p)) throw new PatternError(BAD_PATTERN, index)
      out.push(new Pattern(p, exclusion))
    })
    return new PatternMatcher(out, exclusions)
  }

  matchesOrParentMatches(file: string): boolean {
    let matched = false
    const parent = goDir(file)
    const parentDirs = parent.split('/')
    for (const pattern of this.patterns) {
      if (pattern.exclusion !== matched) continue
      let match = pattern.match(file)
      if (!match && parent !== '.') {
        for (let i = 0; i < parentDirs.length; i++) {
          match = safeMatch(pattern, parentDirs.slice(0, i + 1).join('/'))
          if (match) break
        }
      }
      if (match) matched = !pattern.exclusion
    }
    return matched
  }

  matchesUsingParentResults(file: string, parentInfo: MatchInfo): { matched: boolean; info: MatchInfo } {
    const parentMatched = parentInfo.parentMatched
    let matched = false
    const info: MatchInfo = { parentMatched: new Array<boolean>(this.patterns.length).fill(false) }
    this.patterns.forEach((pattern, i) => {
      let match = parentMatched.length !== 0 ? parentMatched[i]! : false
      if (!match) {
        if (pattern.exclusion !== matched) return
        match = pattern.match(file)
        if (!match && parentMatched.length === 0) {
          const parent = goDir(file)
          if (parent !== '.') {
            const dirs = parent.split('/')
            for (let j = 0; j < dirs.length; j++) {
              match = safeMatch(pattern, dirs.slice(0, j + 1).join('/'))
              if (match) break
            }
          }
        }
      }
      info.parentMatched[i] = match
      if (match) matched = !pattern.exclusion
    })
    return { matched, info }
  }
}

/** patternmatcher ignores errors when matching parents (`match, _ = pattern.match(...)`). */
function safeMatch(pattern: Pattern, path: string): boolean {
  try {
    return pattern.match(path)
  } catch {
    return false
  }
}

/** Go's filepath.Dir for a relative slash path. */
function goDir(path: string): string {
  const slash = path.lastIndexOf('/')
  return goClean(slash === -1 ? '' : path.slice(0, slash + 1))
}

/**
 * Whether Go's filepath.Match(pattern, ".") reports no error: since Go 1.16 every chunk of the pattern is
 * checked (character classes closed and non-empty, range ends present, no trailing backslash).
 */
export function goPatternIsValid(pattern: string): boolean {
  const chars = [...pattern]
  let i = 0
  while (i < chars.length) {
    const ch = chars[i]!
    if (ch === '\\') {
      if (i + 1 >= chars.length) return false
      i += 2
    } else if (ch === '[') {
      i++
      if (chars[i] === '^') i++
      let ranges = 0
      for (;;) {
        if (chars[i] === ']' && ranges > 0) {
          i++
          break
        }
        const lo = classChar(chars, i)
        if (lo === undefined) return false
        i = lo
        if (chars[i] === '-') {
          const hi = classChar(chars, i + 1)
          if (hi === undefined) return false
          i = hi
        }
        ranges++
      }
    } else i++
  }
  return true
}

/** filepath's getEsc: one (possibly escaped) character of a class; the index after it, or undefined. */
function classChar(chars: string[], i: number): number | undefined {
  if (i >= chars.length || chars[i] === '-' || chars[i] === ']') return undefined
  if (chars[i] === '\\') {
    i++
    if (i >= chars.length) return undefined
  }
  i++
  if (i >= chars.length) return undefined // nothing after it: the class is never closed
  return i
}

/** A file's text, or undefined when there is none (a .dockerignore is optional). */
export async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
