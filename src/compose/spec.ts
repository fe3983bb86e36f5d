// The `compose-smoke` input: a YAML list in the shape of smoke entries (src/smoke/spec.ts parses them).
// An entry with `service:` adds expectations to that Compose service (its readiness check, exit code,
// output patterns, timeout); any other entry is an extra container run on the stack's network once the
// stack is up (a curl-like check from inside).
import { didYouMean } from '../did-you-mean.js'
import type { ProblemList } from '../inputs/problems.js'
import { describeType, isMap, parseSmokeEntries, show, type SmokeSpec } from '../smoke/spec.js'

export const INPUT = 'compose-smoke'

/** What a service entry may set; the rest (image, command, env...) is the Compose file's to say. */
export const SERVICE_ENTRY_KEYS = [
  'service',
  'name',
  'ports',
  'ready',
  'expect-exit-code',
  'expect-output',
  'reject-output',
  'timeout'
] as const

export interface ServiceExpectation {
  service: string
  /** Which entry it was, for messages (`entry #2`). */
  entry: number
  /**
   * The smoke-shaped expectations. `ports` names the service's container ports the readiness check
   * uses (Compose publishes them); `expectExitCode` matters once the service exits.
   */
  spec: SmokeSpec
  /** True when the entry set expect-exit-code: the service is expected to exit (a one-shot). */
  expectsExit: boolean
}

export interface ComposeSmoke {
  services: ServiceExpectation[]
  /** Extra containers (smoke entries) run on the stack's default network. */
  containers: SmokeSpec[]
}

/** Parses `compose-smoke`; '' gives no expectations. Every problem names the entry and the key. */
export async function parseComposeSmoke(
  text: string,
  defaults: { timeoutMs: number },
  problems: ProblemList
): Promise<ComposeSmoke | undefined> {
  const empty: ComposeSmoke = { services: [], containers: [] }
  if (text.trim() === '') return empty
  // Loaded only when there is YAML to read (see parseSmokeList).
  const { parseDocument } = await import('yaml')
  const document = parseDocument(text)
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      problems.add(INPUT, text, `is not valid YAML: ${error.message.split('\n')[0]!.replace(/:$/, '')}`)
    }
    return undefined
  }
  const value: unknown = document.toJS()
  if (value === null || value === undefined) return empty
  if (!Array.isArray(value)) {
    problems.add(
      INPUT,
      text,
      `is not a YAML list (got ${describeType(value)}; e.g. "- service: web" then "  ready: {http: /}")`
    )
    return undefined
  }
  const before = problems.items.length
  const services: { service: string; index: number; expectsExit: boolean }[] = []
  // Service entries lose their `service` key (and get its name) before the smoke parser sees them.
  const entries = value.map((entry: unknown, index) => {
    if (!isMap(entry) || entry.service === undefined) return entry
    const where = `(entry #${index + 1}`
    const service = entry.service
    if (typeof service !== 'string' || !/^[a-zA-Z0-9._-]+$/.test(service)) {
      problems.add(INPUT, show(service), `${where}, key "service") is not a service name`)
      return entry
    }
    for (const key of Object.keys(entry)) {
      if ((SERVICE_ENTRY_KEYS as readonly string[]).includes(key)) continue
      const suggestion = didYouMean(key, SERVICE_ENTRY_KEYS)
      problems.add(
        INPUT,
        key,
        `${where} "${service}") is not a key of a service entry: ` +
          (suggestion
            ? `did you mean "${suggestion}"?`
            : `the Compose file sets the service up (expected one of ${SERVICE_ENTRY_KEYS.join(', ')})`)
      )
    }
    if (services.some(s => s.service === service)) {
      problems.add(INPUT, service, `${where}, key "service") names service "${service}" a second time`)
    }
    services.push({ service, index, expectsExit: entry['expect-exit-code'] !== undefined })
    // Keys reported above are left out, so the smoke parser does not report them again.
    const rest = Object.fromEntries(
      Object.entries(entry).filter(
        ([key]) => key !== 'service' && (SERVICE_ENTRY_KEYS as readonly string[]).includes(key)
      )
    )
    return { name: service, ...rest }
  })
  const specs = parseSmokeEntries(entries, defaults, problems, INPUT)
  if (!specs || problems.items.length !== before) return undefined
  const byIndex = new Map(services.map(s => [s.index, s]))
  const result: ComposeSmoke = { services: [], containers: [] }
  specs.forEach((spec, index) => {
    const service = byIndex.get(index)
    if (service) {
      result.services.push({
        service: service.service,
        entry: index + 1,
        spec,
        expectsExit: service.expectsExit
      })
    } else result.containers.push(spec)
  })
  return result
}
