// The few Go standard library behaviours container-structure-test's results depend on, written out so
// the results read the same: os.Expand, path.Base, filepath.Clean, io/fs FileMode.String (from an
// archive/tar header) and regexp (RE2) patterns run as JavaScript ones.

/** os.Expand: `$NAME`, `${NAME}`, the special one-character names; `$` before anything else stays. */
export function goExpand(text: string, lookup: (name: string) => string): string {
  let out = ''
  let touched = false
  let i = 0
  for (let j = 0; j < text.length; j++) {
    if (text[j] !== '$' || j + 1 >= text.length) continue
    touched = true
    out += text.slice(i, j)
    const [name, width] = shellName(text.slice(j + 1))
    if (name === '' && width > 0) {
      // Invalid syntax (`${}`, an unclosed `${`): Go eats it.
    } else if (name === '') out += '$'
    else out += lookup(name)
    j += width
    i = j + 1
  }
  return touched ? out + text.slice(i) : text
}

const SPECIAL = new Set('*#$@!?-0123456789')
const ALNUM = /[A-Za-z0-9_]/

function shellName(s: string): [string, number] {
  if (s[0] === '{') {
    if (s.length > 2 && SPECIAL.has(s[1]!) && s[2] === '}') return [s[1]!, 3]
    for (let i = 1; i < s.length; i++) {
      if (s[i] === '}') return i === 1 ? ['', 2] : [s.slice(1, i), i + 1]
    }
    return ['', 1]
  }
  if (SPECIAL.has(s[0]!)) return [s[0]!, 1]
  let i = 0
  while (i < s.length && ALNUM.test(s[i]!)) i++
  return [s.slice(0, i), i]
}

/** The image's `Env` as the real tool's convertSliceToMap makes it: split at the first `=`. */
export function envMap(env: readonly string[] | null | undefined): Map<string, string> {
  const map = new Map<string, string>()
  for (const item of env ?? []) {
    const eq = item.indexOf('=')
    if (eq < 0) map.set(item, '')
    else map.set(item.slice(0, eq), item.slice(eq + 1))
  }
  return map
}

/** path.Base. */
export function goBase(path: string): string {
  if (path === '') return '.'
  const trimmed = path.replace(/\/+$/, '')
  if (trimmed === '') return '/'
  return trimmed.slice(trimmed.lastIndexOf('/') + 1)
}

/** A tar header as tar-stream gives it: the parts FileMode needs. */
export interface TarModeHeader {
  mode?: number
  type?: string | null
}

const MODE_CHARS = 'dalTLDpSugct?'
const BIT = (i: number): number => 2 ** (31 - i)
const DIR = BIT(0)
const SYMLINK = BIT(4)
const DEVICE = BIT(5)
const PIPE = BIT(6)
const SOCKET = BIT(7)
const SETUID = BIT(8)
const SETGID = BIT(9)
const CHAR = BIT(10)
const STICKY = BIT(11)

/** archive/tar headerFileInfo.Mode(), as a number with Go's fs.FileMode bits. */
export function goFileMode(header: TarModeHeader): number {
  const raw = header.mode ?? 0
  let mode = raw & 0o777
  if (raw & 0o4000) mode += SETUID
  if (raw & 0o2000) mode += SETGID
  if (raw & 0o1000) mode += STICKY
  const kinds = new Set<number>()
  switch (raw & ~0o7777 & 0o170000) {
    case 0o040000:
      kinds.add(DIR)
      break
    case 0o010000:
      kinds.add(PIPE)
      break
    case 0o120000:
      kinds.add(SYMLINK)
      break
    case 0o060000:
      kinds.add(DEVICE)
      break
    case 0o020000:
      kinds.add(DEVICE).add(CHAR)
      break
    case 0o140000:
      kinds.add(SOCKET)
      break
  }
  switch (header.type) {
    case 'symlink':
      kinds.add(SYMLINK)
      break
    case 'character-device':
      kinds.add(DEVICE).add(CHAR)
      break
    case 'block-device':
      kinds.add(DEVICE)
      break
    case 'directory':
      kinds.add(DIR)
      break
    case 'fifo':
      kinds.add(PIPE)
      break
  }
  for (const kind of kinds) mode += kind
  return mode
}

/** fs.FileMode.String(): `-rwxr-xr-x`, `drwxr-xr-x`, `Lrwxrwxrwx`, `dtrwxrwxrwx`, `urwxr-xr-x`. */
export function goModeString(mode: number): string {
  let out = ''
  for (let i = 0; i < MODE_CHARS.length; i++) if (Math.floor(mode / BIT(i)) % 2 === 1) out += MODE_CHARS[i]
  if (out === '') out = '-'
  const rwx = 'rwxrwxrwx'
  for (let i = 0; i < 9; i++) out += mode & (1 << (8 - i)) ? rwx[i] : '-'
  return out
}

/**
 * An RE2 pattern as a JavaScript RegExp. Go's syntax is nearly JavaScript's; the differences the
 * real tool's users write are handled: leading flag groups `(?i)`, `(?s)`, `(?m)`, `(?P<name>`, `\A`,
 * `\z`. Returns the error text when it does not compile (the real tool then fails the check).
 */
export function goRegex(pattern: string): RegExp | string {
  let source = pattern
  let flags = ''
  const leading = /^\(\?([imsU]+)\)/.exec(source)
  if (leading) {
    source = source.slice(leading[0].length)
    for (const flag of leading[1]!) if ('ims'.includes(flag) && !flags.includes(flag)) flags += flag
  }
  source = source
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '(?<![\\s\\S])')
    .replace(/\\z/g, '(?![\\s\\S])')
  try {
    return new RegExp(source, flags)
  } catch (error) {
    return (error as Error).message
  }
}

/** utils.CompileAndRunRegex: false when the pattern does not compile, whichever way it should match. */
export function compileAndRunRegex(pattern: string, text: string, shouldMatch: boolean): boolean {
  const regex = goRegex(pattern)
  if (typeof regex === 'string') return false
  return regex.test(text) === shouldMatch
}
