// The `smoke` input: a YAML list of containers to run and how to judge them. Every problem is collected
// (naming the entry and the key) so one report lists everything wrong before any container starts.
import { parse as parseShell } from 'shell-quote'
import { parseDurationMs } from '../inputs/scalars.js'
import { ImageReference, isImageId } from '../image/reference.js'
import type { ProblemList } from '../inputs/problems.js'
import { didYouMean } from '../did-you-mean.js'
import { parsePortMapping } from './ports.js'
import type { ReadySpec, SmokeSpec } from './types.js'

export type { PortSpec, ReadySpec, SmokeSpec } from './types.js'

export const SMOKE_KEYS = [
  'name',
  'image',
  'command',
  'entrypoint',
  'env',
  'user',
  'workdir',
  'ports',
  'expect-exit-code',
  'expect-output',
  'reject-output',
  'timeout',
  'ready'
] as const

export const READY_KEYS = ['http', 'port', 'log', 'healthy'] as const

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/
const DURATION_EXPECTED = 'is not a duration (expected e.g. 30s, 2m, 1m30s)'

/**
 * Parses the `smoke` input. '' (or a document holding nothing) gives undefined: the defaults. `[]` gives
 * no containers at all. Problems name the entry (`entry #2 "web"`) and the key.
 */
export async function parseSmokeList(
  text: string,
  defaults: { timeoutMs: number },
  problems: ProblemList,
  input = 'smoke'
): Promise<SmokeSpec[] | undefined> {
  if (text.trim() === '') return undefined
  // Loaded only when there is YAML to read: the default run has none, and yaml is ~290 KB to evaluate.
  const { parseDocument } = await import('yaml')
  const document = parseDocument(text)
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      problems.add(input, text, `is not valid YAML: ${error.message.split('\n')[0]!.replace(/:$/, '')}`)
    }
    return undefined
  }
  const value: unknown = document.toJS()
  if (value === null || value === undefined) return undefined
  if (!Array.isArray(value)) {
    const got = describeType(value)
    const hint = isMap(value) ? '; start each entry with "- ", e.g. "- image: hello-world"' : ''
    problems.add(input, text, `is not a YAML list of containers (got ${got}${hint})`)
    return undefined
  }

  return parseSmokeEntries(value, defaults, problems, input)
}

/**
 * The entries of an already-parsed list (the `smoke` input, or `compose-smoke` after its service keys
 * are taken out): every entry checked, names made unique. undefined when any entry had a problem.
 */
export function parseSmokeEntries(
  value: unknown[],
  defaults: { timeoutMs: number },
  problems: ProblemList,
  input = 'smoke'
): SmokeSpec[] | undefined {
  const specs: SmokeSpec[] = []
  const before = problems.items.length
  const usedNames = new Map<string, number>()
  value.forEach((entry: unknown, index) => {
    const spec = parseEntry(entry, index, defaults, problems, input)
    if (!spec) return
    const explicit = isMap(entry) && entry.name !== undefined
    if (usedNames.has(spec.name)) {
      if (explicit) {
        const first = usedNames.get(spec.name)!
        problems.add(
          input,
          spec.name,
          `${location(index, spec.name, 'name')} is already the name of entry #${first}`
        )
      } else {
        let n = 2
        while (usedNames.has(`${spec.name}-${n}`)) n++
        spec.name = `${spec.name}-${n}`
      }
    }
    usedNames.set(spec.name, index + 1)
    specs.push(spec)
  })
  return problems.items.length === before ? specs : undefined
}

function parseEntry(
  entry: unknown,
  index: number,
  defaults: { timeoutMs: number },
  problems: ProblemList,
  input: string
): SmokeSpec | undefined {
  if (!isMap(entry)) {
    problems.add(
      input,
      show(entry),
      `${location(index)} is not a map of settings (got ${describeType(entry)}; e.g. "- image: hello-world")`
    )
    return undefined
  }
  const image = typeof entry.image === 'string' ? entry.image.trim() : undefined
  const rawName = isScalar(entry.name) && entry.name !== null ? String(entry.name) : undefined
  const name = rawName ?? (image ? nameFromImage(image) : 'built-image')
  const before = problems.items.length
  const problem = (key: string | undefined, value: unknown, expected: string): void =>
    problems.add(input, show(value), `${location(index, name, key)} ${expected}`)

  for (const key of Object.keys(entry)) {
    if ((SMOKE_KEYS as readonly string[]).includes(key)) continue
    const suggestion = didYouMean(key, SMOKE_KEYS)
    problem(
      undefined,
      key,
      suggestion
        ? `is not a known key; did you mean "${suggestion}"?`
        : `is not a known key (expected one of ${SMOKE_KEYS.join(', ')})`
    )
  }

  if (entry.name !== undefined && (rawName === undefined || !NAME.test(rawName))) {
    problem(
      'name',
      entry.name,
      'is not a name (letters, digits, "_", "." and "-", up to 63, first a letter or digit)'
    )
  }
  if (entry.image !== undefined && (image === undefined || !isImageReference(image))) {
    problem('image', entry.image, 'is not an image reference (e.g. busybox:1.36 or 127.0.0.1:5000/app:tag)')
  }

  const spec: SmokeSpec = {
    name,
    image,
    env: {},
    ports: [],
    expectExitCode: 0,
    timeoutMs: defaults.timeoutMs
  }

  for (const key of ['command', 'entrypoint'] as const) {
    if (entry[key] === undefined) continue
    const words = parseWords(entry[key])
    if (typeof words === 'string') problem(key, entry[key], words)
    else spec[key] = words
  }

  if (entry.env !== undefined) {
    if (!isMap(entry.env)) problem('env', entry.env, 'is not a map of NAME: value')
    else {
      for (const [variable, value] of Object.entries(entry.env)) {
        if (variable === '' || variable.includes('='))
          problem('env', variable, 'is not an environment variable name')
        else if (!isScalar(value)) problem(`env.${variable}`, value, 'is not a string, number or boolean')
        else spec.env[variable] = value === null ? '' : String(value)
      }
    }
  }

  for (const key of ['user', 'workdir'] as const) {
    const value = entry[key]
    if (value === undefined) continue
    if ((typeof value === 'string' && value.trim() !== '') || (key === 'user' && Number.isInteger(value))) {
      spec[key] = String(value).trim()
    } else
      problem(key, value, key === 'user' ? 'is not a user (e.g. 1000, nobody or 1000:1000)' : 'is not a path')
  }

  if (entry.ports !== undefined) {
    const list = Array.isArray(entry.ports) ? entry.ports : [entry.ports]
    for (const item of list) {
      if (typeof item !== 'string' && typeof item !== 'number') {
        problem('ports', item, 'is not a port mapping (expected e.g. "8080:80", "80" or "53/udp")')
        continue
      }
      const parsed = parsePortMapping(String(item))
      if (typeof parsed === 'string') problem('ports', String(item), parsed)
      else spec.ports.push(parsed)
    }
  }

  if (entry['expect-exit-code'] !== undefined) {
    const code = entry['expect-exit-code']
    if (typeof code === 'number' && Number.isInteger(code) && code >= 0 && code <= 255)
      spec.expectExitCode = code
    else if (typeof code === 'string' && /^\d{1,3}$/.test(code.trim()) && Number(code) <= 255) {
      spec.expectExitCode = Number(code)
    } else problem('expect-exit-code', code, 'is not an exit code (a whole number from 0 to 255)')
  }

  for (const [key, field] of [
    ['expect-output', 'expectOutput'],
    ['reject-output', 'rejectOutput']
  ] as const) {
    const value = entry[key]
    if (value === undefined) continue
    const pattern =
      typeof value === 'string' || typeof value === 'number' ? compilePattern(String(value)) : undefined
    if (pattern instanceof RegExp) spec[field] = pattern
    else problem(key, value, pattern ?? 'is not a regular expression (a string)')
  }

  if (entry.timeout !== undefined) {
    const value = entry.timeout
    const ms =
      typeof value === 'string' || typeof value === 'number' ? parseDurationMs(String(value)) : undefined
    if (ms === undefined) problem('timeout', value, DURATION_EXPECTED)
    else spec.timeoutMs = ms
  }

  if (entry.ready !== undefined) {
    const ready = parseReady(entry.ready, spec, (key, value, expected) => problem(key, value, expected))
    if (ready) spec.ready = ready
  }

  return problems.items.length === before ? spec : undefined
}

type Problem = (key: string, value: unknown, expected: string) => void

function parseReady(value: unknown, spec: SmokeSpec, problem: Problem): ReadySpec | undefined {
  if (!isMap(value)) {
    problem(
      'ready',
      value,
      'is not a map (expected one of http: /health, port: 80, log: <regex>, healthy: true)'
    )
    return undefined
  }
  const keys = Object.keys(value)
  for (const key of keys) {
    if ((READY_KEYS as readonly string[]).includes(key)) continue
    const suggestion = didYouMean(key, READY_KEYS)
    problem(
      'ready',
      key,
      suggestion
        ? `is not a known key; did you mean "${suggestion}"?`
        : `is not a known key (expected one of ${READY_KEYS.join(', ')})`
    )
  }
  const known = keys.filter(key => (READY_KEYS as readonly string[]).includes(key))
  if (known.length !== 1) {
    if (known.length > 1)
      problem('ready', known.join(', '), 'names more than one way to be ready; choose one')
    else if (keys.length === 0) problem('ready', value, 'is empty (expected one of http, port, log, healthy)')
    return undefined
  }
  const firstTcp = spec.ports.find(p => p.protocol === 'tcp')
  const key = known[0]!
  const raw = value[key]
  switch (key) {
    case 'http': {
      const target = typeof raw === 'string' ? raw.trim() : ''
      if (/^https?:\/\/[^/\s]+/i.test(target)) {
        try {
          new URL(target)
          return { kind: 'http', target }
        } catch {
          problem('ready.http', raw, 'is not a URL')
          return undefined
        }
      }
      if (!target.startsWith('/') || /\s/.test(target)) {
        problem(
          'ready.http',
          raw,
          'is not a path or URL (expected e.g. /health or http://127.0.0.1:8080/health)'
        )
        return undefined
      }
      if (!firstTcp) {
        problem('ready.http', raw, 'needs a published TCP port: add ports (e.g. "8080:80" or "80")')
        return undefined
      }
      return { kind: 'http', target, containerPort: firstTcp.containerPort }
    }
    case 'port': {
      const port =
        typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        problem('ready.port', raw, 'is not a port number (1-65535)')
        return undefined
      }
      if (!spec.ports.some(p => p.protocol === 'tcp' && p.containerPort === port)) {
        problem('ready.port', raw, `is not a published TCP port: add ports (e.g. "${port}")`)
        return undefined
      }
      return { kind: 'port', port }
    }
    case 'log': {
      const pattern =
        typeof raw === 'string' || typeof raw === 'number' ? compilePattern(String(raw)) : undefined
      if (pattern instanceof RegExp) return { kind: 'log', pattern }
      problem('ready.log', raw, pattern ?? 'is not a regular expression (a string)')
      return undefined
    }
    default: {
      if (raw === true) return { kind: 'healthy' }
      problem('ready.healthy', raw, 'must be true (the image HEALTHCHECK reports healthy)')
      return undefined
    }
  }
}

/**
 * Where in the list a problem is: `(entry #2 "web", key "ports")`. The problem's input stays `smoke`, so
 * the report groups it with the other input problems.
 */
function location(index: number, name?: string, key?: string): string {
  const entry = name === undefined ? `entry #${index + 1}` : `entry #${index + 1} "${name}"`
  return key === undefined ? `(${entry})` : `(${entry}, key "${key}")`
}

/**
 * A regular expression over the combined output. `/.../i` style is accepted for flags (i, s, u); `^` and
 * `$` always match at line starts and ends. Returns why it is not one otherwise.
 */
export function compilePattern(text: string): RegExp | string {
  const literal = /^\/(.+)\/([a-z]*)$/s.exec(text)
  const source = literal ? literal[1]! : text
  const flags = literal ? literal[2]! : ''
  if (source === '') return 'is not a regular expression (it is empty)'
  if (/[^ismu]/.test(flags)) return `has flags "${flags}"; only i, s and u are allowed`
  try {
    return new RegExp(source, [...new Set(`${flags}m`)].join(''))
  } catch (error) {
    return `is not a regular expression: ${(error as Error).message}`
  }
}

/** `/Hello from Docker!/` — the pattern as a reason shows it. */
export function showPattern(pattern: RegExp): string {
  return `/${pattern.source}/${pattern.flags.replace('m', '')}`
}

/** A command as words: a list, or a string split as a shell would (quotes, escapes; no expansion). */
function parseWords(value: unknown): string[] | string {
  if (Array.isArray(value)) {
    if (value.every(item => isScalar(item) && item !== null)) return value.map(item => String(item))
    return 'is not a list of strings'
  }
  if (typeof value !== 'string') return 'is not a string or a list of strings'
  // Variables stay as written: there is no shell here, and the container sees the text itself.
  const parsed = parseShell(value, name => `$${name}`)
  const words: string[] = []
  for (const item of parsed) {
    if (typeof item === 'string') words.push(item)
    else if ('op' in item && item.op === 'glob') words.push(item.pattern)
    else if ('comment' in item) return 'contains a comment (#); quote it, or use a list'
    else return `contains the shell operator "${item.op}"; use sh -c '...' or a list`
  }
  if (words.length === 0) return 'is empty'
  return words
}

/** `127.0.0.1:5000/team/app:1.2@sha256:...` → `app`. */
export function nameFromImage(reference: string): string {
  const withoutDigest = reference.split('@')[0]!
  const lastPart = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1)
  const withoutTag = lastPart.split(':')[0]!
  const name = withoutTag.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '')
  return (name || 'image').slice(0, 63)
}

function isImageReference(reference: string): boolean {
  return isImageId(reference) || ImageReference.parse(reference) !== undefined
}

export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value)
}

export function describeType(value: unknown): string {
  if (value === null) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (isMap(value)) return 'a map'
  return `a ${typeof value}`
}

export function show(value: unknown): string {
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
