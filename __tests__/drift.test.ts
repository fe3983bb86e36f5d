import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DISK_DRIFT_MIN_BYTES,
  compareWithBaseline,
  parseSecurityOptions,
  redactCredentials,
  summarizeDiskUsage,
  type DriftResult
} from '../src/audit/drift.js'
import { DRIFT_FIELD_NAMES, SECURITY_DRIFT_FIELDS } from '../src/audit/fields.js'
import type { AuditOptions, DriftPolicy } from '../src/config.js'
import type { EngineFacts } from '../src/engine/check.js'
import { formatBytes } from '../src/format.js'
import { parseInputs } from '../src/inputs/parse.js'
import type { Report } from '../src/report/json.js'
import { cli } from './helpers/cli-runner.js'
import { testEnvironment } from './helpers/engine.js'

// Two real reports from the real engine: the baseline, and edited copies of it standing in for an
// engine that changed overnight.

let dir: string
let baselinePath: string
let baseline: Report
let facts: EngineFacts

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T
const info = (report: Report): Record<string, unknown> => report.engine!.facts.info

function writeReport(name: string, edit: (report: Report) => void): string {
  const report = clone(baseline)
  edit(report)
  const path = join(dir, name)
  writeFileSync(path, JSON.stringify(report, null, 2))
  return path
}

function readReport(path: string): Report {
  return JSON.parse(readFileSync(path, 'utf8')) as Report
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'preflight-drift-'))
  baselinePath = join(dir, 'baseline.json')
  const first = await cli(['--build', 'false', '--disk-usage', '--report-path', baselinePath])
  expect(first.code).toBe(0)
  baseline = readReport(baselinePath)
  // Every test below needs the baseline's disk use: say why the engine did not give it, not 5 failures later.
  if (!baseline.diskUsage) throw new Error(`the baseline run read no disk use:\n${first.stderr}`)
  facts = baseline.engine!.facts
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The engine's cgroup version as the baseline had it, changed: 2 → 1 on a v1 host, 1 → 2 on a v2 host. */
function otherCgroupVersion(): string {
  return String(info(baseline).CgroupVersion) === '1' ? '2' : '1'
}

/** A security option this engine does not have, so a baseline that had it shows it lost. */
function absentSecurityOption(): string {
  const present = parseSecurityOptions(info(baseline).SecurityOptions)
  const name = ['userns', 'selinux', 'apparmor', 'rootless'].find(n => !present.has(n))
  if (!name) throw new Error('this engine has every security option')
  return name
}

describe('drift between two real reports', () => {
  test('the same engine twice: compared, no drift, passes even with fail-on-drift: any', async () => {
    const path = join(dir, 'second.json')
    const run = await cli([
      '--build',
      'false',
      '--disk-usage',
      '--baseline',
      baselinePath,
      '--fail-on-drift',
      'any',
      '--report-path',
      path
    ])
    expect(run.code).toBe(0)
    const drift = readReport(path).drift!
    expect(drift).toMatchObject({ status: 'compared', baseline: baselinePath, items: [], failing: [] })
    // Every field, disk use included, was compared.
    expect([...(drift.comparedFields ?? [])].sort()).toEqual([...DRIFT_FIELD_NAMES].sort())
    expect(drift.baselineRun?.runId).toBe(baseline.runId)
    expect(run.stderr).toContain(`No drift from the baseline (${DRIFT_FIELD_NAMES.length} facts compared).`)
  })

  describe('a baseline from before the cgroup version changed and a security option was lost', () => {
    let edited: string
    const lost = (): string => absentSecurityOption()
    beforeAll(() => {
      edited = writeReport('edited.json', report => {
        info(report).CgroupVersion = otherCgroupVersion()
        info(report).SecurityOptions = [...(info(report).SecurityOptions as string[]), `name=${lost()}`]
      })
    })

    const runWith = async (policy: string) => {
      const path = join(dir, `run-${policy.replace(/\W+/g, '_')}.json`)
      const run = await cli([
        '--build',
        'false',
        '--baseline',
        edited,
        '--fail-on-drift',
        policy,
        '--report-path',
        path
      ])
      return { run, report: readReport(path) }
    }

    test('fail-on-drift: none reports both items, warns, and passes', async () => {
      const { run, report } = await runWith('none')
      expect(run.code).toBe(0)
      const items = report.drift!.items
      expect(items.map(i => i.field).sort()).toEqual(['cgroupVersion', lost()].sort())
      expect(items.find(i => i.field === 'cgroupVersion')).toMatchObject({
        was: otherCgroupVersion(),
        now: String(info(baseline).CgroupVersion),
        security: false
      })
      expect(items.find(i => i.field === lost())).toMatchObject({
        was: 'enabled',
        now: 'absent',
        security: true
      })
      expect(report.drift!.failing).toEqual([])
      expect(run.stderr).toMatch(/warning: Engine drifted from the baseline: .*cgroupVersion \d → \d/)
      expect(run.stderr).toContain(
        `cgroupVersion: ${otherCgroupVersion()} → ${String(info(baseline).CgroupVersion)}`
      )
    })

    test('fail-on-drift: security fails on the lost option only', async () => {
      const { run, report } = await runWith('security')
      expect(run.code).toBe(1)
      expect(report.drift!.failing.map(i => i.field)).toEqual([lost()])
      expect(run.stdout).toMatch(
        new RegExp(`FAILED \\(1\\):\\n  - Engine drifted from the baseline: ${lost()} enabled → absent`)
      )
      expect(report.verdict).toBe('failed')
    })

    test('fail-on-drift: any fails on both', async () => {
      const { run, report } = await runWith('any')
      expect(run.code).toBe(1)
      expect(report.drift!.failing.map(i => i.field).sort()).toEqual(['cgroupVersion', lost()].sort())
    })

    test('fail-on-drift as a list fails only on the fields listed (any case)', async () => {
      const listed = await runWith('CgroupVersion')
      expect(listed.run.code).toBe(1)
      expect(listed.report.drift!.failing.map(i => i.field)).toEqual(['cgroupVersion'])
      const unrelated = await runWith('kernelVersion, storageDriver')
      expect(unrelated.run.code).toBe(0)
      expect(unrelated.report.drift!.items).toHaveLength(2)
    })
  })

  test('seccomp lost: a security item, and fail-on-drift: security fails', async () => {
    // The engine cannot drop seccomp on demand: this run's facts are the real ones, minus seccomp.
    const now = clone(facts)
    now.info.SecurityOptions = (now.info.SecurityOptions as string[]).filter(o => !o.includes('seccomp'))
    const result = await compare(now, { kind: 'security' })
    const seccomp = parseSecurityOptions(info(baseline).SecurityOptions).get('seccomp')
    expect(seccomp).toBeDefined()
    expect(result.items).toEqual([
      expect.objectContaining({ field: 'seccomp', was: seccomp || 'enabled', now: 'absent', security: true })
    ])
    expect(result.failing.map(i => i.field)).toEqual(['seccomp'])
  })

  test('the daemon warnings compare as a set: order and line wrapping do not count, a new one does', async () => {
    const warnings = (info(baseline).Warnings as string[] | null) ?? []
    const reordered = clone(facts)
    reordered.info.Warnings = [...warnings].reverse().map(w => w.replace(/\s+/g, '\n    '))
    expect((await compare(reordered, { kind: 'any' })).items).toEqual([])

    const added = clone(facts)
    added.info.Warnings = [...warnings, 'WARNING: bridge-nf-call-iptables is disabled']
    const result = await compare(added, { kind: 'any' })
    expect(result.items).toEqual([
      expect.objectContaining({ field: 'warnings', added: ['WARNING: bridge-nf-call-iptables is disabled'] })
    ])
    expect(result.items[0]!.removed).toBeUndefined()
  })

  test('proxy credentials never reach the log, the text, the report or the drift output', async () => {
    const secret = 's3cr3t-pa55'
    const withProxy = writeReport('proxy.json', report => {
      info(report).HttpProxy = `http://alice:${secret}@proxy.example:3128`
      info(report).HttpsProxy = `alice:${secret}@proxy.example:3129`
    })
    const path = join(dir, 'proxy-run.json')
    const run = await cli([
      '--build',
      'false',
      '--baseline',
      withProxy,
      '--fail-on-drift',
      'httpProxy',
      '--report-path',
      path
    ])
    expect(run.code).toBe(1)
    const everything = [run.stdout, run.stderr, readFileSync(path, 'utf8')].join('\n')
    expect(everything).toContain('http://***@proxy.example:3128')
    expect(everything).not.toContain(secret)
    expect(everything).not.toContain('alice')
    const items = readReport(path).drift!.items
    expect(items.find(i => i.field === 'httpsProxy')?.was).toBe('***@proxy.example:3129')
  })

  test('only changed credentials: said so, without showing either', async () => {
    const was = clone(facts)
    was.info.HttpProxy = 'http://bob:old@proxy:3128'
    const path = join(dir, 'cred.json')
    writeFileSync(path, JSON.stringify({ ...baseline, engine: { ...baseline.engine, facts: was } }))
    const now = clone(facts)
    now.info.HttpProxy = 'http://bob:new@proxy:3128'
    const result = await compare(now, { kind: 'any' }, { baseline: path })
    expect(result.items).toEqual([
      expect.objectContaining({
        was: 'http://***@proxy:3128',
        now: 'http://***@proxy:3128 (credentials changed)'
      })
    ])
  })
})

describe('disk use drifts only beyond the threshold, and never as security', () => {
  const withDisk = (edit: (df: Record<string, unknown>) => void): string => {
    const df = clone(baseline.diskUsage!) as Record<string, unknown>
    edit(df)
    return writeReport(`disk-${Math.random().toString(16).slice(2)}.json`, report => {
      report.diskUsage = df
    })
  }
  const compareDisk = (path: string, policy: DriftPolicy = { kind: 'any' }) =>
    compare(facts, policy, { baseline: path, diskUsage: true }, baseline.diskUsage)

  test('the baseline is a real /system/df reply', () => {
    const summary = summarizeDiskUsage(baseline.diskUsage!)
    expect(summary.images).toBeGreaterThan(0)
    // Reclaimable is what `docker system df` counts: the real reply, and then the same reply with one
    // unused image, one exited container, one unreferenced volume and one idle cache record more.
    expect(summary.reclaimable).toBeLessThanOrEqual(
      summary.images + summary.containers + summary.volumes + summary.buildCache
    )
    const df = clone(baseline.diskUsage!) as Record<string, unknown[]>
    const more = (key: string, item: object): unknown[] => [...(Array.isArray(df[key]) ? df[key] : []), item]
    const grown = summarizeDiskUsage({
      ...df,
      LayersSize: summary.images + 4000,
      Images: more('Images', { Size: 4000, SharedSize: 0, Containers: 0 }),
      Containers: more('Containers', { SizeRw: 300, State: 'exited' }),
      Volumes: more('Volumes', { UsageData: { Size: 20, RefCount: 0 } }),
      BuildCache: more('BuildCache', { Size: 1, InUse: false, Shared: false })
    })
    expect(grown.reclaimable - summary.reclaimable).toBe(4000 + 300 + 20 + 1)
  })

  test('5 GB more image layers in the baseline: diskImages drifted; not under security', async () => {
    const path = withDisk(df => {
      df.LayersSize = Number(df.LayersSize) + 5 * DISK_DRIFT_MIN_BYTES
    })
    const any = await compareDisk(path)
    expect(any.items.map(i => i.field)).toContain('diskImages')
    // The change is exactly the 5 GB added, printed as every size is (src/format.ts).
    const item = any.items.find(i => i.field === 'diskImages')!
    expect(item.now).toBe(
      `${formatBytes(summarizeDiskUsage(baseline.diskUsage!).images)} (−${formatBytes(5 * DISK_DRIFT_MIN_BYTES)})`
    )
    expect(item.was).toBe(
      formatBytes(summarizeDiskUsage(baseline.diskUsage!).images + 5 * DISK_DRIFT_MIN_BYTES)
    )
    expect(any.failing.map(i => i.field)).toContain('diskImages')
    const security = await compareDisk(path, { kind: 'security' })
    expect(security.failing).toEqual([])
    const group = await compareDisk(path, { kind: 'fields', fields: ['diskImages'] })
    expect(group.failing.map(i => i.field)).toEqual(['diskImages'])
  })

  test('less than 1 GB, or less than 20%, is not drift', async () => {
    const small = withDisk(df => {
      df.LayersSize = Number(df.LayersSize) + 0.5 * DISK_DRIFT_MIN_BYTES
    })
    expect((await compareDisk(small)).items).toEqual([])
    // 100 GB → this engine's few MB is large in bytes but is compared too; 110 vs 100 GB is only 10%.
    const base = 100 * DISK_DRIFT_MIN_BYTES
    const tenPercent = withDisk(df => {
      df.LayersSize = base
    })
    const now = clone(baseline.diskUsage!) as Record<string, unknown>
    now.LayersSize = base * 1.1
    expect(
      (await compare(facts, { kind: 'any' }, { baseline: tenPercent, diskUsage: true }, now)).items
    ).toEqual([])
  })

  test('disk-usage on but the baseline has none: a note, no disk fields compared', async () => {
    const path = writeReport('no-disk.json', report => {
      delete report.diskUsage
    })
    const result = await compareDisk(path)
    expect(result.comparedFields!.some(f => f.startsWith('disk'))).toBe(false)
    expect(result.notes!.join(' ')).toMatch(/Disk use was not compared: the baseline run did not read it/)
  })
})

describe('no usable baseline', () => {
  test('a first run: a clear warning, and the step passes', async () => {
    const missing = join(dir, 'yesterday.json')
    const path = join(dir, 'first.json')
    const run = await cli(['--build', 'false', '--baseline', missing, '--report-path', path])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain(`warning: No baseline report at ${missing} (expected on a first run)`)
    expect(readReport(path).drift).toMatchObject({ status: 'missing', items: [], failing: [] })
  })

  test('with fail-on-drift asking for a comparison, the same run fails and says why', async () => {
    const missing = join(dir, 'yesterday.json')
    const run = await cli([
      '--build',
      'false',
      '--baseline',
      missing,
      '--fail-on-drift',
      'security',
      '--report-path',
      join(dir, 'x.json')
    ])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `No baseline report at ${missing} (expected on a first run); engine facts were not compared, and fail-on-drift needs a baseline to compare with`
    )
  })

  test.each([
    ['not JSON', '{"schemaVersion": 1, ', /is not JSON/],
    ['not a report', '{"hello": "world"}', /is not a docker-preflight JSON report/],
    ['no engine facts', '{"schemaVersion": 1}', /has no engine facts/]
  ])('%s: unreadable, with the reason', async (_name, text, message) => {
    const path = join(dir, `bad-${Math.random().toString(16).slice(2)}.json`)
    writeFileSync(path, text)
    const result = await compare(facts, { kind: 'none' }, { baseline: path })
    expect(result.status).toBe('unreadable')
    expect(result.message).toMatch(message)
    expect(result.error).toBeUndefined()
    expect((await compare(facts, { kind: 'any' }, { baseline: path })).error).toMatch(message)
  })

  test('no baseline input: no comparison at all', async () => {
    expect(
      await compareWithBaseline({ facts, options: { failOnDrift: { kind: 'none' }, diskUsage: false } })
    ).toBe(undefined)
  })
})

describe('fail-on-drift as an input', () => {
  const policy = async (value: string) => {
    const outcome = await parseInputs({ 'fail-on-drift': value, build: 'false' }, testEnvironment(), {
      processEnv: process.env
    })
    return outcome.ok ? outcome.config.audit.failOnDrift : outcome.problems.items.map(p => p.value)
  }

  test('levels, canonical field names in any case, groups in a list', async () => {
    expect(await policy('')).toEqual({ kind: 'none' })
    expect(await policy('Security')).toEqual({ kind: 'security' })
    expect(await policy('any')).toEqual({ kind: 'any' })
    expect(await policy('CGROUPVERSION\nseccomp')).toEqual({
      kind: 'fields',
      fields: ['cgroupVersion', 'seccomp']
    })
    expect(await policy('security, cgroupVersion')).toEqual({
      kind: 'fields',
      fields: [...SECURITY_DRIFT_FIELDS, 'cgroupVersion']
    })
  })

  test('unknown names are input problems', async () => {
    expect(await policy('cgroupVersion, cgroups, any')).toEqual(['cgroups', 'any'])
  })
})

describe('helpers', () => {
  test('redactCredentials', () => {
    expect(redactCredentials('http://u:p@h:1')).toBe('http://***@h:1')
    expect(redactCredentials('u:p@h:1')).toBe('***@h:1')
    expect(redactCredentials('http://u:p@ss@h:1')).toBe('http://***@h:1')
    expect(redactCredentials('http://xxxxx:xxxxx@h:1')).toBe('http://***@h:1')
    expect(redactCredentials('http://h:1')).toBe('http://h:1')
    expect(redactCredentials('localhost, a:b@h')).toBe('localhost, ***@h')
  })

  test('parseSecurityOptions reads both formats', () => {
    expect([...parseSecurityOptions(['name=seccomp,profile=default', 'name=rootless', 'apparmor'])]).toEqual([
      ['seccomp', 'profile=default'],
      ['rootless', ''],
      ['apparmor', '']
    ])
  })
})

async function compare(
  now: EngineFacts,
  failOnDrift: DriftPolicy,
  options: Partial<AuditOptions> = {},
  diskUsage?: Record<string, unknown>
): Promise<DriftResult> {
  const result = await compareWithBaseline({
    facts: now,
    diskUsage,
    options: { baseline: baselinePath, diskUsage: false, ...options, failOnDrift }
  })
  if (!result) throw new Error('no result')
  return result
}
