// Go's regexp syntax (RE2, regexp.Compile's Perl flags) spelled as a JavaScript RegExp with the same
// meaning, for the regexps moby/patternmatcher builds from .dockerignore lines. A port of the parts of
// Go's regexp/syntax parser that decide what is accepted and what a class holds: POSIX classes
// ([[:alpha:]], [[:^space:]]), Perl classes (\d \s \w, ASCII only as in Go), \pN / \p{Greek}, octal and
// hex escapes, \Q...\E, \A \z \b \B, and Go's errors for what it refuses. Where JavaScript spells a thing
// differently (a class union with a negated POSIX class, `.` that must not stop at \r or U+2028, \s that
// is wider in JavaScript) the meaning is computed here and written out as explicit code point ranges.

/** A regexp Go's regexp.Compile refuses; `code` is Go's ErrorCode text. */
export class GoRegexpError extends Error {
  constructor(
    readonly code: string,
    readonly expr: string
  ) {
    super(`error parsing regexp: ${code}: \`${expr}\``)
  }
}

type Range = [number, number]
const MAX_RUNE = 0x10ffff

// regexp/syntax's perl_groups.go.
const PERL: Record<string, Range[]> = {
  d: [[0x30, 0x39]],
  s: [
    [0x9, 0xa],
    [0xc, 0xd],
    [0x20, 0x20]
  ],
  w: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a]
  ]
}
const POSIX: Record<string, Range[]> = {
  alnum: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x61, 0x7a]
  ],
  alpha: [
    [0x41, 0x5a],
    [0x61, 0x7a]
  ],
  ascii: [[0x0, 0x7f]],
  blank: [
    [0x9, 0x9],
    [0x20, 0x20]
  ],
  cntrl: [
    [0x0, 0x1f],
    [0x7f, 0x7f]
  ],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [
    [0x21, 0x2f],
    [0x3a, 0x40],
    [0x5b, 0x60],
    [0x7b, 0x7e]
  ],
  space: [
    [0x9, 0xd],
    [0x20, 0x20]
  ],
  upper: [[0x41, 0x5a]],
  word: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a]
  ],
  xdigit: [
    [0x30, 0x39],
    [0x41, 0x46],
    [0x61, 0x66]
  ]
}

// Go's unicode.Categories keys (JavaScript knows them all as General_Category values).
const CATEGORIES = new Set(
  'C Cc Cf Co Cs L LC Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(
    ' '
  )
)

function negate(ranges: Range[]): Range[] {
  const out: Range[] = []
  let next = 0
  for (const [lo, hi] of clean(ranges)) {
    if (next <= lo - 1) out.push([next, lo - 1])
    next = hi + 1
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE])
  return out
}

/** cleanClass: sorted, merged. */
function clean(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const out: Range[] = []
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1]
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi)
    else out.push([lo, hi])
  }
  return out
}

const cp = (c: number): string => `\\u{${c.toString(16)}}`

/** A class as JavaScript (u flag) spells it: explicit ranges plus \p{...} escapes, negated as a whole. */
function classSource(ranges: Range[], props: string[], negated: boolean): string {
  const body =
    clean(ranges)
      .map(([lo, hi]) => (lo === hi ? cp(lo) : `${cp(lo)}-${cp(hi)}`))
      .join('') + props.join('')
  if (!negated && props.length === 0 && body === '') return '[]'
  return `[${negated ? '^' : ''}${body}]`
}

const isAlnum = (c: string | undefined): boolean => c !== undefined && /^[0-9A-Za-z]$/.test(c)
const unhex = (c: string | undefined): number =>
  c !== undefined && /^[0-9a-fA-F]$/.test(c) ? parseInt(c, 16) : -1

/** A Unicode group (\pN, \p{Name}, \P{^Name}) as a JavaScript property escape; undefined if Go has no such name. */
function unicodeGroup(name: string, negated: boolean): string | undefined {
  if (name.startsWith('^')) {
    negated = !negated
    name = name.slice(1)
  }
  const p = negated ? 'P' : 'p'
  if (name === 'Any') return negated ? '[]' : '[\\u{0}-\\u{10ffff}]'
  if (CATEGORIES.has(name)) return `\\${p}{${name}}`
  // A script: Go knows the long names (Greek, Latin, Old_Italic), JavaScript those and the 4-letter codes.
  if (/^[A-Z][a-z]+(?:_[A-Z][a-z]+)*$/.test(name)) {
    try {
      new RegExp(`\\p{Script=${name}}`, 'u')
      return `\\${p}{Script=${name}}`
    } catch {
      return undefined
    }
  }
  return undefined
}

type Piece = { source: string; assertion?: boolean }

/** Go's regexp.Compile(source) (Perl flags) as the source of a JavaScript RegExp with the `u` flag. */
export function goRegexpToJs(source: string): string {
  const t = [...source]
  let i = 0
  // One list of pieces per open group; alternatives are joined when the group closes.
  const groups: { alternatives: string[]; pieces: Piece[] }[] = [{ alternatives: [], pieces: [] }]
  const top = () => groups[groups.length - 1]!
  const rest = (from: number) => t.slice(from).join('')
  let lastRepeat = false

  const parseEscape = (): number => {
    // at t[i] === '\\'
    const start = i
    i++
    if (i >= t.length) throw new GoRegexpError('trailing backslash at end of expression', '')
    const c = t[i++]!
    const bad = (): never => {
      throw new GoRegexpError('invalid escape sequence', t.slice(start, i).join(''))
    }
    if (c.codePointAt(0)! < 0x80 && !isAlnum(c)) return c.codePointAt(0)!
    if (c >= '1' && c <= '7' && !(t[i] !== undefined && t[i]! >= '0' && t[i]! <= '7')) return bad()
    if (c >= '0' && c <= '7') {
      let r = Number(c)
      for (let k = 1; k < 3 && t[i] !== undefined && t[i]! >= '0' && t[i]! <= '7'; k++)
        r = r * 8 + Number(t[i++])
      return r
    }
    if (c === 'x') {
      if (i >= t.length) return bad()
      const d = t[i++]
      if (d === '{') {
        let r = 0
        let n = 0
        for (;;) {
          if (i >= t.length) return bad()
          const h = t[i++]
          if (h === '}') break
          const v = unhex(h)
          if (v < 0) return bad()
          r = r * 16 + v
          if (r > MAX_RUNE) return bad()
          n++
        }
        if (n === 0) return bad()
        return r
      }
      const x = unhex(d)
      const y = unhex(t[i++])
      if (x < 0 || y < 0) return bad()
      return x * 16 + y
    }
    const simple: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 }
    if (c in simple) return simple[c]!
    return bad()
  }

  /** \p / \P at t[i]: the JavaScript for it, or undefined when t[i] does not start one. */
  const parseUnicodeClass = (): string | undefined => {
    if (t[i] !== '\\' || (t[i + 1] !== 'p' && t[i + 1] !== 'P')) return undefined
    const start = i
    const negated = t[i + 1] === 'P'
    i += 2
    let name: string
    if (t[i] !== '{') {
      name = t[i] ?? ''
      if (i < t.length) i++
    } else {
      const end = t.indexOf('}', i)
      if (end < 0) throw new GoRegexpError('invalid character class range', rest(start))
      name = t.slice(i + 1, end).join('')
      i = end + 1
    }
    const js = unicodeGroup(name, negated)
    if (js === undefined) throw new GoRegexpError('invalid character class range', t.slice(start, i).join(''))
    return js
  }

  const parsePerl = (): Range[] | undefined => {
    if (t[i] !== '\\') return undefined
    const c = t[i + 1]
    if (c === undefined || !'dDsSwW'.includes(c)) return undefined
    i += 2
    const group = PERL[c.toLowerCase()]!
    return c === c.toLowerCase() ? group : negate(group)
  }

  const parseClass = (): string => {
    const start = i
    i++ // [
    let negated = false
    if (t[i] === '^') {
      negated = true
      i++
    }
    const ranges: Range[] = []
    const props: string[] = []
    let first = true
    while (i >= t.length || t[i] !== ']' || first) {
      first = false
      if (t.length - i > 2 && t[i] === '[' && t[i + 1] === ':') {
        const close = rest(i + 2).indexOf(':]')
        if (close >= 0) {
          const name = rest(i).slice(0, close + 4)
          const inner = name.slice(2, -2)
          const group = POSIX[inner.replace(/^\^/, '')]
          if (!group) throw new GoRegexpError('invalid character class range', name)
          ranges.push(...(inner.startsWith('^') ? negate(group) : group))
          i += [...name].length
          continue
        }
      }
      const unicode = parseUnicodeClass()
      if (unicode !== undefined) {
        if (unicode.startsWith('[')) ranges.push(...(unicode === '[]' ? [] : [[0, MAX_RUNE] as Range]))
        else props.push(unicode)
        continue
      }
      const perl = parsePerl()
      if (perl) {
        ranges.push(...perl)
        continue
      }
      const classChar = (): number => {
        if (i >= t.length) throw new GoRegexpError('missing closing ]', rest(start))
        if (t[i] === '\\') return parseEscape()
        return t[i++]!.codePointAt(0)!
      }
      const from = i
      const lo = classChar()
      let hi = lo
      if (t.length - i >= 2 && t[i] === '-' && t[i + 1] !== ']') {
        i++
        hi = classChar()
        if (hi < lo) throw new GoRegexpError('invalid character class range', t.slice(from, i).join(''))
      }
      ranges.push([lo, hi])
    }
    i++ // ]
    return classSource(ranges, props, negated)
  }

  const push = (piece: Piece): void => {
    top().pieces.push(piece)
  }
  const literal = (c: number): void =>
    push({ source: /[0-9A-Za-z_]/.test(String.fromCodePoint(c)) ? String.fromCodePoint(c) : cp(c) })

  while (i < t.length) {
    const c = t[i]!
    let repeat = false
    switch (c) {
      case '(': {
        if (t[i + 1] === '?')
          throw new GoRegexpError('invalid or unsupported Perl syntax', rest(i).slice(0, 3))
        groups.push({ alternatives: [], pieces: [] })
        i++
        break
      }
      case '|':
        top().alternatives.push(
          top()
            .pieces.map(p => p.source)
            .join('')
        )
        top().pieces = []
        i++
        break
      case ')': {
        if (groups.length === 1) throw new GoRegexpError('unexpected )', source)
        const group = groups.pop()!
        const body = [...group.alternatives, group.pieces.map(p => p.source).join('')].join('|')
        push({ source: `(?:${body})` })
        i++
        break
      }
      case '^':
        push({ source: '^', assertion: true })
        i++
        break
      case '$':
        push({ source: '$', assertion: true })
        i++
        break
      case '.':
        push({ source: '[^\\n]' }) // Go's . stops at \n only (JavaScript's also at \r, U+2028, U+2029)
        i++
        break
      case '[':
        push({ source: parseClass() })
        break
      case '*':
      case '+':
      case '?':
      case '{': {
        const before = i
        let op: string = c
        i++
        if (c === '{') {
          const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(rest(before))
          // parseRepeat: {n}, {n,} or {n,m} without leading zeros; anything else is a literal {.
          if (!m || /^0\d/.test(m[1]!) || (m[3] !== undefined && /^0\d/.test(m[3]))) {
            literal(0x7b)
            break
          }
          const min = Number(m[1])
          const max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3])
          i = before + m[0].length
          if (min > 1000 || max > 1000 || (max >= 0 && min > max))
            throw new GoRegexpError('invalid repeat count', m[0])
          op = m[0]
        }
        if (t[i] === '?') {
          i++
          op += '?'
        }
        if (lastRepeat)
          throw new GoRegexpError('invalid nested repetition operator', t.slice(before, i).join(''))
        const pieces = top().pieces
        const sub = pieces.pop()
        if (!sub)
          throw new GoRegexpError('missing argument to repetition operator', t.slice(before, i).join(''))
        pieces.push({ source: `${sub.assertion ? `(?:${sub.source})` : sub.source}${op}` })
        repeat = true
        break
      }
      case '\\': {
        const next = t[i + 1]
        if (next === 'A' || next === 'z' || next === 'b' || next === 'B') {
          push({ source: next === 'A' ? '^' : next === 'z' ? '$' : `\\${next}`, assertion: true })
          i += 2
          break
        }
        if (next === 'C') throw new GoRegexpError('invalid escape sequence', '\\C')
        if (next === 'Q') {
          const end = rest(i + 2).indexOf('\\E')
          const lit = end < 0 ? t.slice(i + 2) : [...rest(i + 2).slice(0, end)]
          for (const ch of lit) literal(ch.codePointAt(0)!)
          i = end < 0 ? t.length : i + 2 + lit.length + 2
          break
        }
        const unicode = parseUnicodeClass()
        if (unicode !== undefined) {
          push({ source: unicode.startsWith('[') ? unicode : `[${unicode}]` })
          break
        }
        const perl = parsePerl()
        if (perl) {
          push({ source: classSource(perl, [], false) })
          break
        }
        literal(parseEscape())
        break
      }
      default:
        literal(c.codePointAt(0)!)
        i++
    }
    lastRepeat = repeat
  }
  if (groups.length !== 1) throw new GoRegexpError('missing closing )', source)
  return [
    ...top().alternatives,
    top()
      .pieces.map(p => p.source)
      .join('')
  ].join('|')
}
