// .dockerignore, read and matched exactly as Docker does: a port of moby/patternmatcher (New, the pattern
// compiler, MatchesOrParentMatches, MatchesUsingParentResults) and of its ignorefile.ReadAll, plus the
// syntax check Go's filepath.Match makes when patternmatcher.New calls it. The walkers that apply these
// rules (fsutil's for BuildKit, go-archive's for the classic builder) are in walk.ts; the Go regexps
// patternmatcher builds are turned into JavaScript ones by goregexp.ts.

import { goClean } from '../gopath.js'
import { goRegexpToJs } from './goregexp.js'

import { readFile } from '../fs-async.js'

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

/**
 * patternmatcher's compile, character for character: the match type and the Go regexp it hands to
 * regexp.Compile. `[`, `]`, `^`, `-`, `|`, `{`, `}` and what follows a `\` pass through untouched, so character classes
 * (POSIX ones too), ranges and escapes mean what Go's regexp makes of them, not what filepath.Match would.
 * text/scanner skips a byte order mark at the start of the pattern.
 */
export function patternRegexp(cleaned: string): { type: MatchType; source: string } {
  const chars = [...cleaned]
  if (chars[0] === '\ufeff') chars.shift()
  let re = '^'
  let type: MatchType = 'exact'
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
          re += '(.*/)?'
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
    } else if ('.+()$'.includes(ch)) {
      // shouldEscape's bitmap is meant to hold `.+()|{}$`, but `1 << (b / 8)` is a byte there, so the
      // bits of `|`, `{` and `}` (code 64 and up) are lost: those three reach regexp.Compile unescaped
      // and mean alternation and repetition, as they do in docker.
      re += `\\${ch}`
    } else if (ch === '\\') {
      if (i + 1 < chars.length) {
        re += `\\${chars[++i]!}`
        type = 'regexp'
      } else re += '\\'
    } else if (ch === '[' || ch === ']') {
      re += ch
      type = 'regexp'
    } else re += ch
  }
  if (type === 'regexp') re += '$'
  return { type, source: re }
}

export class Pattern {
  private type?: MatchType
  private regexp?: RegExp
  private bad = false
  /** The suffix as UTF-8 bytes, where Go's byte slicing cuts into a leading byte order mark. */
  private suffixBytes?: Buffer
  readonly dirs: string[]

  constructor(
    readonly cleaned: string,
    readonly exclusion: boolean,
    /** Its place in the list given to PatternMatcher.create. */
    readonly index = 0
  ) {
    this.dirs = cleaned.split('/')
  }

  /** Whether Go's regexp package refuses the regexp this pattern becomes (matching it then fails). */
  get refused(): boolean {
    if (this.type === undefined && !this.bad) this.compile()
    return this.bad
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
        if (this.suffixBytes) {
          const bytes = Buffer.from(path)
          return (
            bytes.length >= this.suffixBytes.length &&
            bytes.subarray(-this.suffixBytes.length).equals(this.suffixBytes)
          )
        }
        const suffix = this.cleaned.slice(2)
        if (path.endsWith(suffix)) return true
        return suffix.startsWith('/') && path === suffix.slice(1)
      }
      default:
        return this.regexp!.test(path)
    }
  }

  private compile(): void {
    const { type, source } = patternRegexp(this.cleaned)
    if (type === 'suffix' && this.cleaned.startsWith('\ufeff'))
      this.suffixBytes = Buffer.from(this.cleaned).subarray(2)
    if (type === 'regexp') {
      try {
        this.regexp = new RegExp(goRegexpToJs(source), 'u')
      } catch {
        this.bad = true
        return
      }
    }
    this.type = type
  }
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
      out.push(new Pattern(p, exclusion, index))
    })
    return new PatternMatcher(out, exclusions)
  }

  matchesOrParentMatches(file: string): boolean {
    let matched = false
    const parent = goDir(file)
    const parentDirs = parent.split('/')
    for (const pattern of this.patterns) {
      if (pattern.exclusion !== matched) continue
      let match = matchOrThrow(pattern, file)
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
        match = matchOrThrow(pattern, file)
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

/** Matching with pattern number `index` (of the list given to PatternMatcher.create) failed: Go's regexp refused the regexp it becomes. */
export class PatternMatchError extends Error {
  constructor(readonly index: number) {
    super(BAD_PATTERN)
  }
}

function matchOrThrow(pattern: Pattern, path: string): boolean {
  try {
    return pattern.match(path)
  } catch {
    throw new PatternMatchError(pattern.index)
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
 * Whether Go's filepath.Match(pattern, ".") reports no error, as patternmatcher.New asks. Match checks
 * lazily: each chunk (the text between stars) is parsed whole, but only until the first one that fails to
 * match "."; what follows is never looked at (so `x*[]a]` passes, as docker accepts it). Measured against
 * the docker CLI (Go 1.24) and buildx (Go 1.26): both accept what this accepts.
 */
export function goPatternIsValid(pattern: string): boolean {
  return goMatch([...pattern], ['.']) !== BAD
}

const BAD = Symbol('ErrBadPattern')

/** filepath.Match on code points (the name here is always ".", so bytes and code points agree). */
function goMatch(pattern: string[], name: string[]): boolean | typeof BAD {
  outer: while (pattern.length > 0) {
    let star = false
    while (pattern[0] === '*') {
      pattern = pattern.slice(1)
      star = true
    }
    let inRange = false
    let end = 0
    for (; end < pattern.length; end++) {
      const c = pattern[end]
      if (c === '\\') {
        if (end + 1 < pattern.length) end++
      } else if (c === '[') inRange = true
      else if (c === ']') inRange = false
      else if (c === '*' && !inRange) break
    }
    const chunk = pattern.slice(0, end)
    pattern = pattern.slice(end)
    if (star && chunk.length === 0) return !name.includes('/')
    const here = goMatchChunk(chunk, name)
    if (here === BAD) return BAD
    if (here !== undefined && (here.length === 0 || pattern.length > 0)) {
      name = here
      continue
    }
    if (star) {
      for (let i = 0; i < name.length && name[i] !== '/'; i++) {
        const later = goMatchChunk(chunk, name.slice(i + 1))
        if (later === BAD) return BAD
        if (later !== undefined) {
          if (pattern.length === 0 && later.length > 0) continue
          name = later
          continue outer
        }
      }
    }
    return false
  }
  return name.length === 0
}

/** filepath's matchChunk: the rest of `s` after the chunk, undefined if it does not match, BAD if malformed. */
function goMatchChunk(chunk: string[], s: string[]): string[] | undefined | typeof BAD {
  let failed = false
  let c = 0
  let k = 0
  while (c < chunk.length) {
    if (!failed && k >= s.length) failed = true
    const ch = chunk[c]!
    if (ch === '[') {
      let r = 0
      if (!failed) r = s[k++]!.codePointAt(0)!
      c++
      let negated = false
      if (c < chunk.length && chunk[c] === '^') {
        negated = true
        c++
      }
      let match = false
      let ranges = 0
      for (;;) {
        if (c < chunk.length && chunk[c] === ']' && ranges > 0) {
          c++
          break
        }
        const lo = getEsc(chunk, c)
        if (lo === BAD) return BAD
        c = lo.next
        let hi = lo.r
        if (chunk[c] === '-') {
          const high = getEsc(chunk, c + 1)
          if (high === BAD) return BAD
          c = high.next
          hi = high.r
        }
        if (lo.r <= r && r <= hi) match = true
        ranges++
      }
      if (match === negated) failed = true
    } else if (ch === '?') {
      if (!failed) {
        if (s[k] === '/') failed = true
        k++
      }
      c++
    } else {
      if (ch === '\\') {
        c++
        if (c >= chunk.length) return BAD
      }
      if (!failed) {
        if (chunk[c] !== s[k]) failed = true
        k++
      }
      c++
    }
  }
  return failed ? undefined : s.slice(k)
}

/** filepath's getEsc: one (possibly escaped) character of a class, which must not end the chunk. */
function getEsc(chunk: string[], i: number): { r: number; next: number } | typeof BAD {
  if (i >= chunk.length || chunk[i] === '-' || chunk[i] === ']') return BAD
  if (chunk[i] === '\\') {
    i++
    if (i >= chunk.length) return BAD
  }
  const r = chunk[i]!.codePointAt(0)!
  if (i + 1 >= chunk.length) return BAD
  return { r, next: i + 1 }
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
