import { readFile } from '../fs-async.js'
import { formatBytes, oneLine } from '../format.js'
import type { AuditOptions, DriftPolicy } from '../config.js'
import type { EngineFacts } from '../engine/check.js'
import { errorCode, messageOf } from '../errors.js'
import type { EngineClient } from '../engine/client.js'
import type { Log } from '../log/log.js'
import { stageTimes, type StageResult } from '../stage.js'
import { DRIFT_FIELDS, driftField, type DriftGroup } from './fields.js'

export { DRIFT_FIELDS, DRIFT_FIELD_NAMES, SECURITY_DRIFT_FIELDS, resolveDriftFieldEntry } from './fields.js'

export interface DriftItem {
  /** A stable field name, e.g. `cgroupVersion`, `seccomp`; usable in `fail-on-drift` (see fields.ts). */
  field: string
  was: string
  now: string
  /** Counted by `fail-on-drift: security`. */
  security: boolean
  /** What a person calls the field, e.g. `Cgroup version` (always set by compareWithBaseline). */
  label?: string
  group?: DriftGroup
  /** For set-valued fields (runtimes, warnings, registries): what appeared and what went away. */
  added?: string[]
  removed?: string[]
}

/**
 * status `compared`: a baseline was read; `missing`/`unreadable`: none could be (see message).
 * `problems`: `error`, and one sentence naming the items that fail under `fail-on-drift`.
 */
export interface DriftResult extends StageResult<'compared' | 'missing' | 'unreadable'> {
  baseline?: string
  /** Why no comparison was made (missing/unreadable), in a sentence. */
  message?: string
  items: DriftItem[]
  /** The items that make the step fail under `fail-on-drift`. */
  failing: DriftItem[]
  /**
   * Set when the step must fail although no item drifted: `fail-on-drift` asks for a comparison and the
   * baseline is missing or unreadable. On a first run with `fail-on-drift: none` this stays unset and
   * `message` is a warning.
   */
  error?: string
  /** Which run the baseline came from. */
  baselineRun?: { runId?: string; finishedAt?: string; endpoint?: string; serverVersion?: string }
  /** The field names that were compared (disk fields only with `disk-usage` on both sides). */
  comparedFields?: string[]
  /** Things worth knowing about the comparison, e.g. that the baseline came from another engine. */
  notes?: string[]
}

export interface DriftInput {
  facts: EngineFacts
  diskUsage?: Record<string, unknown>
  options: AuditOptions
}

/** Disk use drifts all day: only a change of at least this much, and of this share, counts. */
export const DISK_DRIFT_MIN_BYTES = 1_000_000_000
export const DISK_DRIFT_MIN_RATIO = 0.2
/** MemTotal moves by a few kB with kernel updates and memory ballooning; a 1% change counts. */
export const MEMORY_DRIFT_MIN_RATIO = 0.01

/**
 * Compares this run's engine facts with the JSON report of an earlier run (`baseline`). Undefined when no
 * baseline was given. Never throws: a missing or unreadable baseline is reported in the result, and is an
 * error only when `fail-on-drift` asks for a comparison.
 */
export async function compareWithBaseline(input: DriftInput): Promise<DriftResult | undefined> {
  const { baseline, failOnDrift } = input.options
  if (!baseline) return undefined
  const started = Date.now()
  const loaded = await loadBaseline(baseline)
  if (!loaded.ok) {
    const wanted = failOnDrift.kind !== 'none'
    const error = wanted ? `${loaded.message}, and fail-on-drift needs a baseline to compare with` : undefined
    return {
      status: loaded.status,
      problems: error ? [error] : [],
      ...stageTimes(started),
      baseline,
      message: loaded.message,
      error,
      items: [],
      failing: [],
      comparedFields: [],
      notes: []
    }
  }
  const { report } = loaded
  const was = factValues(report.engine.facts)
  const now = factValues(input.facts)
  const notes: string[] = []
  const items: DriftItem[] = []
  const comparedFields: string[] = []
  for (const [name, nowValue] of now) {
    comparedFields.push(name)
    const item = compareValue(name, was.get(name), nowValue)
    if (item) items.push(item)
  }

  if (input.options.diskUsage) {
    if (!input.diskUsage) notes.push('Disk use was not compared: this run could not read /system/df.')
    else if (!isObject(report.diskUsage)) {
      notes.push('Disk use was not compared: the baseline run did not read it (disk-usage was off).')
    } else {
      const wasDisk = summarizeDiskUsage(report.diskUsage)
      const nowDisk = summarizeDiskUsage(input.diskUsage)
      for (const [name, key] of DISK_FIELDS) {
        comparedFields.push(name)
        const item = compareDisk(name, wasDisk[key], nowDisk[key])
        if (item) items.push(item)
      }
    }
  }

  const wasId = String(report.engine.facts.info.ID ?? '')
  const nowId = String(input.facts.info.ID ?? '')
  if (wasId && nowId && wasId !== nowId) {
    notes.push(
      `The baseline comes from another engine (ID ${wasId}, host ${String(report.engine.facts.info.Name ?? '?')}); ` +
        'drift may be a difference between machines rather than a change.'
    )
  }

  const failing = items.filter(item => failsUnder(failOnDrift, item))
  return {
    status: 'compared',
    problems: failing.length > 0 ? [`Engine drifted from the baseline: ${describeDrift(failing)}`] : [],
    ...stageTimes(started),
    baseline,
    items,
    failing,
    baselineRun: {
      runId: typeof report.runId === 'string' ? report.runId : undefined,
      finishedAt: typeof report.finishedAt === 'string' ? report.finishedAt : undefined,
      endpoint: typeof report.endpoint === 'string' ? report.endpoint : undefined,
      serverVersion: report.engine.facts.serverVersion
    },
    comparedFields,
    notes
  }
}

/** Whether `fail-on-drift` makes this item fail the step. Disk use never counts as `security`. */
export function failsUnder(policy: DriftPolicy, item: DriftItem): boolean {
  switch (policy.kind) {
    case 'none':
      return false
    case 'any':
      return true
    case 'security':
      return item.security && item.group !== 'disk'
    case 'fields':
      return policy.fields.some(f => f.toLowerCase() === item.field.toLowerCase())
  }
}

/** One line for a failure message or a log: `cgroupVersion 2 → 1; seccomp profile=default → absent`. */
export function describeDrift(items: readonly DriftItem[], maxValue = 60): string {
  const short = (s: string): string => {
    const flat = s.replace(/\s+/g, ' ')
    return flat.length > maxValue ? `${flat.slice(0, maxValue - 1)}…` : flat
  }
  return items
    .map(item => {
      if (item.added || item.removed) {
        const parts = [
          ...(item.added ?? []).map(a => `+${short(a)}`),
          ...(item.removed ?? []).map(r => `-${short(r)}`)
        ]
        return `${item.field} ${parts.join(', ')}`
      }
      return `${item.field} ${short(item.was)} → ${short(item.now)}`
    })
    .join('; ')
}

/**
 * /system/df, one more fact for the audit. When the engine cannot give it, the run says so and goes on
 * (undefined).
 */
export async function readDiskUsage(
  client: EngineClient,
  log: Log,
  signal?: AbortSignal
): Promise<Record<string, unknown> | undefined> {
  return client.system.df(signal).catch((error: unknown) => {
    log.warning(`Could not read the engine's disk use: ${client.error(error, 'reading /system/df').message}`)
    return undefined
  })
}

/** The comparison in the log: warnings for no baseline or drift, the details as untrusted text. */
export function logDrift(drift: DriftResult, log: Log): void {
  // An error is reported as the step's failure; only the first-run case is a warning.
  if (drift.message && !drift.error) log.warning(drift.message)
  for (const note of drift.notes ?? []) log.warning(note)
  if (drift.status !== 'compared') return
  if (drift.items.length === 0) {
    log.info(`No drift from the baseline (${drift.comparedFields?.length ?? 0} facts compared).`)
    return
  }
  const notFailing = drift.items.filter(item => !drift.failing.includes(item))
  if (notFailing.length > 0) log.warning(`Engine drifted from the baseline: ${describeDrift(notFailing)}`)
  // Values come from the engine and the baseline file: printed as untrusted text.
  const block = log.untrusted(`Drift from the baseline (${drift.items.length})`)
  try {
    for (const item of drift.items) block.write(`${item.field}: ${item.was} → ${item.now}\n`)
  } finally {
    block.close()
  }
}

// ---------------------------------------------------------------------------------------------------------
// The baseline file

/** The part of an earlier JSON report (src/report/json.ts) the comparison reads. */
interface BaselineReport {
  schemaVersion?: unknown
  runId?: unknown
  finishedAt?: unknown
  endpoint?: unknown
  engine: { facts: EngineFacts }
  diskUsage?: unknown
}

type Loaded =
  { ok: true; report: BaselineReport } | { ok: false; status: 'missing' | 'unreadable'; message: string }

async function loadBaseline(path: string): Promise<Loaded> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      return {
        ok: false,
        status: 'missing',
        message: `No baseline report at ${path} (expected on a first run); engine facts were not compared`
      }
    }
    return {
      ok: false,
      status: 'unreadable',
      message: `Cannot read the baseline ${path}: ${messageOf(error)}`
    }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return {
      ok: false,
      status: 'unreadable',
      message: `The baseline ${path} is not JSON (${messageOf(error)})`
    }
  }
  if (!isObject(parsed) || typeof parsed.schemaVersion !== 'number') {
    return {
      ok: false,
      status: 'unreadable',
      message: `The baseline ${path} is not a docker-preflight JSON report (no schemaVersion)`
    }
  }
  const engine = parsed.engine
  if (!isObject(engine) || !isObject(engine.facts) || !isObject(engine.facts.info)) {
    return {
      ok: false,
      status: 'unreadable',
      message: `The baseline ${path} has no engine facts (engine.facts.info)`
    }
  }
  return { ok: true, report: parsed as unknown as BaselineReport }
}

// ---------------------------------------------------------------------------------------------------------
// Engine facts as comparable values

type FactValue =
  | { kind: 'text'; text: string; display?: string }
  | { kind: 'set'; items: string[] }
  | { kind: 'number'; value: number | undefined; minRatio: number; format: (n: number) => string }

const NOT_REPORTED = '(not reported)'

/** Every non-disk drift field of one engine, in DRIFT_FIELDS order. */
function factValues(facts: EngineFacts): Map<string, FactValue> {
  const info = isObject(facts.info) ? facts.info : {}
  const version = isObject(facts.version) ? facts.version : {}
  const text = (value: unknown): FactValue => ({ kind: 'text', text: scalar(value) })
  const set = (items: string[]): FactValue => ({ kind: 'set', items: [...new Set(items)].sort() })
  const security = parseSecurityOptions(info.SecurityOptions)
  const securityValue = (name: string): FactValue => {
    const options = security.get(name)
    if (options === undefined) return text('absent')
    return text(options || 'enabled')
  }
  const registry = isObject(info.RegistryConfig) ? info.RegistryConfig : {}
  const proxy = (value: unknown): FactValue => {
    const raw = scalar(value)
    return { kind: 'text', text: raw, display: redactCredentials(raw) }
  }
  const os = facts.os || scalar(version.Os ?? info.OSType)
  const arch = facts.arch || scalar(version.Arch ?? info.Architecture)

  const values: Record<string, FactValue> = {
    serverVersion: text(facts.serverVersion || version.Version || info.ServerVersion),
    apiVersion: text(facts.apiVersion || version.ApiVersion),
    storageDriver: text(info.Driver),
    backingFilesystem: text(driverStatus(info.DriverStatus, 'Backing Filesystem')),
    cgroupDriver: text(info.CgroupDriver),
    cgroupVersion: text(info.CgroupVersion),
    defaultRuntime: text(info.DefaultRuntime),
    runtimes: set(isObject(info.Runtimes) ? Object.keys(info.Runtimes) : []),
    seccomp: securityValue('seccomp'),
    apparmor: securityValue('apparmor'),
    selinux: securityValue('selinux'),
    rootless: securityValue('rootless'),
    userns: securityValue('userns'),
    securityOptions: set(
      [...security]
        .filter(([name]) => !NAMED_SECURITY_OPTIONS.includes(name))
        .map(([name, options]) => (options ? `${name} (${options})` : name))
    ),
    registryMirrors: set(stringList(registry.Mirrors).map(redactCredentials)),
    insecureRegistries: set(insecureRegistries(registry)),
    httpProxy: proxy(info.HttpProxy),
    httpsProxy: proxy(info.HttpsProxy),
    noProxy: proxy(info.NoProxy),
    loggingDriver: text(info.LoggingDriver),
    liveRestore: text(info.LiveRestoreEnabled),
    osArch: text(os || arch ? `${os}/${arch}` : ''),
    operatingSystem: text(info.OperatingSystem),
    kernelVersion: text(facts.kernelVersion || version.KernelVersion || info.KernelVersion),
    cpus: text(info.NCPU),
    memory: {
      kind: 'number',
      value: typeof info.MemTotal === 'number' ? info.MemTotal : undefined,
      minRatio: MEMORY_DRIFT_MIN_RATIO,
      format: formatBytes
    },
    // The daemon wraps its warnings over several indented lines; compare them as sentences.
    warnings: set(stringList(info.Warnings).map(w => oneLine(w)))
  }
  return new Map(DRIFT_FIELDS.filter(f => f.name in values).map(f => [f.name, values[f.name]!]))
}

function compareValue(name: string, was: FactValue | undefined, now: FactValue): DriftItem | undefined {
  const def = driftField(name)
  const base = { field: name, label: def.label, group: def.group, security: def.security }
  if (now.kind === 'set') {
    const before = was?.kind === 'set' ? was.items : []
    const added = now.items.filter(i => !before.includes(i))
    const removed = before.filter(i => !now.items.includes(i))
    if (added.length === 0 && removed.length === 0) return undefined
    return {
      ...base,
      was: before.join(', ') || 'none',
      now: now.items.join(', ') || 'none',
      ...(added.length ? { added } : {}),
      ...(removed.length ? { removed } : {})
    }
  }
  if (now.kind === 'number') {
    const before = was?.kind === 'number' ? was.value : undefined
    if (before === now.value) return undefined
    if (before !== undefined && now.value !== undefined) {
      const change = Math.abs(now.value - before)
      if (change < now.minRatio * Math.max(before, 1)) return undefined
    }
    const show = (n: number | undefined): string => (n === undefined ? NOT_REPORTED : now.format(n))
    return { ...base, was: show(before), now: show(now.value) }
  }
  const before = was?.kind === 'text' ? was : { kind: 'text' as const, text: '' }
  if (before.text === now.text) return undefined
  const show = (v: { text: string; display?: string }): string => (v.display ?? v.text) || NOT_REPORTED
  let nowText = show(now)
  // Only a redacted part (proxy credentials) changed: say so without showing either.
  if (show(before) === nowText) nowText = `${nowText} (credentials changed)`
  return { ...base, was: show(before), now: nowText }
}

const NAMED_SECURITY_OPTIONS = ['seccomp', 'apparmor', 'selinux', 'rootless', 'userns']

/**
 * `["name=seccomp,profile=default", "name=rootless"]` → seccomp → `profile=default`, rootless → ``.
 * Engines before API 1.26 listed bare names (`seccomp`); those parse as names without options.
 */
export function parseSecurityOptions(list: unknown): Map<string, string> {
  const result = new Map<string, string>()
  for (const entry of stringList(list)) {
    const pairs = entry.split(',').map(p => p.trim())
    const named = pairs.find(p => p.startsWith('name='))
    if (!named) {
      result.set(entry.trim(), '')
      continue
    }
    const others = pairs.filter(p => p !== named && p !== '')
    result.set(named.slice('name='.length), others.join(','))
  }
  return result
}

/** As `docker info` lists them: insecure CIDRs, and registries whose index config is not secure. */
function insecureRegistries(registry: Record<string, unknown>): string[] {
  const cidrs = stringList(registry.InsecureRegistryCIDRs)
  const indexes = isObject(registry.IndexConfigs) ? Object.values(registry.IndexConfigs) : []
  const names = indexes.filter(isObject).filter(i => i.Secure === false)
  return [...cidrs, ...names.map(i => scalar(i.Name))]
}

function driverStatus(status: unknown, key: string): string {
  if (!Array.isArray(status)) return ''
  const pair = status.find(p => Array.isArray(p) && p[0] === key) as unknown[] | undefined
  return pair ? scalar(pair[1]) : ''
}

/**
 * Proxy settings may carry credentials (`http://user:secret@proxy:3128`). Every part before the host's
 * `@` becomes `***`, so drift items, logs, summaries and outputs never show them. (dockerd masks URL
 * credentials as `xxxxx:xxxxx` itself; not `user:pass@host` without a scheme, nor a baseline edited by hand.)
 */
export function redactCredentials(value: string): string {
  return value
    .split(/([,\s]+)/)
    .map(token => {
      const at = token.lastIndexOf('@')
      if (at < 0) return token
      const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(token)?.[0] ?? ''
      if (at < scheme.length) return token
      return `${scheme}***@${token.slice(at + 1)}`
    })
    .join('')
}

// ---------------------------------------------------------------------------------------------------------
// Disk use

export interface DiskUsageSummary {
  images: number
  containers: number
  volumes: number
  buildCache: number
  /** What `docker system prune` could free, computed as `docker system df` does. */
  reclaimable: number
}

const DISK_FIELDS: readonly [string, keyof DiskUsageSummary][] = [
  ['diskImages', 'images'],
  ['diskContainers', 'containers'],
  ['diskVolumes', 'volumes'],
  ['diskBuildCache', 'buildCache'],
  ['diskReclaimable', 'reclaimable']
]

/** Totals from a raw `/system/df` reply. */
export function summarizeDiskUsage(df: Record<string, unknown>): DiskUsageSummary {
  const list = (value: unknown): Record<string, unknown>[] =>
    Array.isArray(value) ? value.filter(isObject) : []
  const num = (value: unknown): number => (typeof value === 'number' && value > 0 ? value : 0)
  const images = list(df.Images)
  const containers = list(df.Containers)
  const volumes = list(df.Volumes)
  const cache = list(df.BuildCache)

  const imagesTotal = num(df.LayersSize) || images.reduce((sum, i) => sum + num(i.Size), 0)
  const imagesUsed = images
    .filter(i => num(i.Containers) > 0)
    .reduce((sum, i) => sum + Math.max(0, num(i.Size) - num(i.SharedSize)), 0)
  const containersTotal = containers.reduce((sum, c) => sum + num(c.SizeRw), 0)
  const containersReclaimable = containers
    .filter(c => c.State !== 'running' && c.State !== 'paused' && c.State !== 'restarting')
    .reduce((sum, c) => sum + num(c.SizeRw), 0)
  const volumeSize = (v: Record<string, unknown>): number => num(isObject(v.UsageData) ? v.UsageData.Size : 0)
  const volumeRefs = (v: Record<string, unknown>): number =>
    num(isObject(v.UsageData) ? v.UsageData.RefCount : 0)
  const volumesTotal = volumes.reduce((sum, v) => sum + volumeSize(v), 0)
  const volumesReclaimable = volumes
    .filter(v => volumeRefs(v) === 0)
    .reduce((sum, v) => sum + volumeSize(v), 0)
  const cacheTotal = cache.reduce((sum, c) => sum + (c.Shared === true ? 0 : num(c.Size)), 0)
  const cacheReclaimable = cache
    .filter(c => c.InUse !== true && c.Shared !== true)
    .reduce((sum, c) => sum + num(c.Size), 0)

  return {
    images: imagesTotal,
    containers: containersTotal,
    volumes: volumesTotal,
    buildCache: cacheTotal,
    reclaimable:
      Math.max(0, imagesTotal - imagesUsed) + containersReclaimable + volumesReclaimable + cacheReclaimable
  }
}

function compareDisk(name: string, was: number, now: number): DriftItem | undefined {
  const change = Math.abs(now - was)
  if (change < DISK_DRIFT_MIN_BYTES || change < DISK_DRIFT_MIN_RATIO * Math.max(was, 1)) return undefined
  const def = driftField(name)
  const sign = now > was ? '+' : '−'
  return {
    field: name,
    label: def.label,
    group: def.group,
    security: false,
    was: formatBytes(was),
    now: `${formatBytes(now)} (${sign}${formatBytes(change)})`
  }
}

// ---------------------------------------------------------------------------------------------------------

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function scalar(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter(v => v !== null && v !== undefined).map(v => scalar(v)) : []
}
