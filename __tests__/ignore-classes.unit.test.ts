// .dockerignore character classes, escapes and the rest of Go's regexp syntax that moby/patternmatcher
// passes through to regexp.Compile. Every expectation here was produced by moby/patternmatcher v0.6.1
// itself (New + MatchesOrParentMatches, built with Go) on the same inputs; the ones marked "docker" were
// also built with the docker CLI 28.2 (classic) and buildx 0.29.
import { describe, expect, test } from '@jest/globals'
import { PatternMatcher, PatternMatchError, parseIgnoreFile, patternRegexp } from '../src/build/ignore.js'
import { GoRegexpError, goRegexpToJs } from '../src/build/goregexp.js'

/** 1 matched, 0 not, E matching failed (Go's regexp refused the pattern). */
function results(patterns: string[], paths: string[]): string {
  const matcher = PatternMatcher.create(patterns)
  return paths
    .map(path => {
      try {
        return matcher.matchesOrParentMatches(path) ? '1' : '0'
      } catch (error) {
        expect(error).toBeInstanceOf(PatternMatchError)
        return 'E'
      }
    })
    .join('')
}

describe('character classes as Go regexp classes', () => {
  test.each([
    ['[[:alpha:]]*', ['abc', 'Zed', '1abc', '_x', 'ü'], '11000'],
    ['[[:digit:]][[:digit:]]', ['42', '4a', '４２'], '100'],
    // [:space:] is ASCII: U+00A0 is not in it, so the negated class takes it.
    ['[^[:space:]]x', ['ax', ' x', '\tx', '\u000bx', '\u00a0x'], '10001'],
    ['[[:^alpha:]x]', ['x', 'a', '1', 'ü'], '1011'],
    ['[[:upper:][:digit:]]', ['A', '7', 'a'], '110'],
    ['[[:punct:]]', ['!', '~', 'a', '_'], '1101'],
    // `!` is no negation in a Go class: [!a-c] holds `!` and a to c.
    ['[!a-c]', ['!', 'a', 'd'], '110'],
    ['[^a-c]', ['d', 'b', 'ü'], '101'],
    ['[a\\-c]', ['a', '-', 'b', 'c'], '1101'],
    ['[\\]]', [']'], '1'],
    // Perl classes are ASCII in Go (JavaScript's \s would take U+00A0 and \v).
    ['\\d\\s\\w', ['1 a', '1\u000ba', '1\u00a0a', '١ a'], '1000'],
    ['\\pL*', ['ü', '日本', '1'], '110'],
    ['\\p{Greek}', ['α', 'a'], '10'],
    ['\\x41', ['A', 'a'], '10'],
    // \Q...\E: the translation of `.` and `*` is taken literally too.
    ['\\Qa.*\\E', ['a.*', 'a\\.[^/]*', 'ab'], '010'],
    // `*` inside a class becomes `[^/]*` there: the class is [[^/] and a `]` must follow.
    ['[*]', ['*', '/', '[*]', '^*]', '^]'], '00001'],
    // `?` and `**` take \r and U+2028 as any other character; only `.` of `**` stops at \n.
    ['?', ['\r', '\n', '\u2028'], '111'],
    ['a**x', ['a\r/x', 'a\n/x', 'a\u2028b/x'], '101'],
    // A byte order mark opening a pattern is skipped by text/scanner.
    ['\ufeff*.go', ['a.go', '\ufeffa.go'], '11']
  ])('%j', (pattern, paths, expected) => {
    expect(results([pattern], paths)).toBe(expected)
  })

  test('`|`, `{` and `}` reach the regexp unescaped (the escape bitmap loses them), as in docker', () => {
    expect(patternRegexp('a|b*').source).toBe('^a|b[^/]*$')
    expect(results(['a|b*'], ['ax', 'xb', 'bz', 'c'])).toBe('1110') // ^a or b[^/]*$, unanchored
    expect(results(['x{2}?'], ['xxy', 'xy'])).toBe('10')
    // With no wildcard the pattern is compared as it is.
    expect(results(['a|b'], ['a', 'a|b'])).toBe('01')
    expect(results(['x{2}'], ['xx', 'x{2}'])).toBe('01')
  })

  test('what filepath.Match accepts but Go regexp refuses fails when a path is matched against it', () => {
    for (const pattern of ['[[:alpha:]', '[z-a]', '[[:foo:]]', '\\8', '*x{2}{3}', '[a-[:alpha:]]'])
      expect([pattern, results([pattern], ['a'])]).toEqual([pattern, 'E'])
    // An exception that is never reached never fails.
    expect(results(['a', '![z-a]'], ['b'])).toBe('0')
    expect(() => results(['a', '![z-a]'], ['a'])).not.toThrow()
    expect(results(['a', '![z-a]'], ['a'])).toBe('E')
  })

  test('New\'s check is filepath.Match(pattern, "."): lazy after the first chunk that fails', () => {
    expect(() => parseIgnoreFile('x*[]a]\n')).not.toThrow() // docker builds with this line
    expect(results(['x*[]a]'], ['xa', 'x]', 'b'])).toBe('110')
    expect(() => parseIgnoreFile('ok\na[]a]\n')).toThrow('.dockerignore line 2: syntax error in pattern')
    expect(() => parseIgnoreFile('[\\d-]x\n')).toThrow('syntax error in pattern')
  })
})

describe('Go regexp syntax to JavaScript', () => {
  const compile = (source: string) => new RegExp(goRegexpToJs(source), 'u')
  test.each([
    ['^[[:alpha:]]+$', 'abc', true],
    ['^[[:^digit:][:digit:]]$', 'ü', true],
    ['^\\p{^L}$', '1', true],
    ['^\\PL$', 'a', false],
    ['^[\\p{Nd}x]$', '٣', true],
    ['^\\101\\0$', 'A\u0000', true],
    ['^\\x{1F600}$', '😀', true],
    ['^.$', '\r', true],
    ['^.$', '\n', false],
    ['^a\\z', 'a', true],
    ['\\Aa', 'ba', false],
    ['^(a|bc){2,3}$', 'abca', true],
    ['^a{,2}$', 'a{,2}', true],
    ['^\\bx', 'x', true],
    ['^[^\\n]$', '\n', false]
  ])('%s on %j', (source, text, expected) => {
    expect(compile(source).test(text)).toBe(expected)
  })

  test.each([
    ['[a', 'missing closing ]'],
    ['[z-a]', 'invalid character class range'],
    ['[[:nope:]]', 'invalid character class range'],
    ['\\p{Nope}', 'invalid character class range'],
    ['a**', 'invalid nested repetition operator'],
    ['*a', 'missing argument to repetition operator'],
    ['a{1001}', 'invalid repeat count'],
    ['\\C', 'invalid escape sequence'],
    ['\\1', 'invalid escape sequence'],
    ['\\ü', 'invalid escape sequence'],
    ['[\\b]', 'invalid escape sequence'],
    ['a\\', 'trailing backslash at end of expression'],
    ['(a', 'missing closing )'],
    ['a)', 'unexpected )']
  ])('%s is refused: %s', (source, code) => {
    expect(() => goRegexpToJs(source)).toThrow(GoRegexpError)
    expect(() => goRegexpToJs(source)).toThrow(code)
  })
})
