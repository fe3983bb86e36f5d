import type { ContainerSummary, ImageSummary, LayerSummary } from '../../src/inventory/inventory.js'
import type { RunResult } from '../../src/pipeline.js'
import type { SmokeContainerResult } from '../../src/smoke/run.js'

export interface SyntheticOptions {
  /**
   * Every untrusted field long and full of what must stay inert in a summary (`<script>`, `|`, backticks,
   * `</pre>`, `-->`, newlines, escape sequences): the worst case for escaping and for the size budget.
   */
  hostile?: boolean
  /** Failed smoke containers with long output tails (default 4 of 8 fail). */
  smoke?: number
}

export const HOSTILE =
  '<script>alert(1)</script>|a|b|`tick` ``fence`` <details><summary>x</summary> </pre> --> <!-- ' +
  '*bold* _it_ [link](javascript:alert(1)) # \x1b[31mred\x1b[0m\nsecond line\r\n::error::pwned\n'

const base = Date.parse('2024-05-01T12:00:00Z')
const iso = (offsetS: number): string => new Date(base - offsetS * 1000).toISOString()
const hex = (i: number, len = 64): string => (i.toString(16).padStart(8, '0') + 'ab'.repeat(40)).slice(0, len)

/**
 * A RunResult as a busy shared runner would produce with `report-scope: all`: an engine check, a build
 * with a dozen layers, smoke containers (some failing with long output), `n` images and `n` containers,
 * drift, leftovers and timings. Deterministic; used by the report tests and the render benchmark.
 */
export function syntheticRun(n: number, options: SyntheticOptions = {}): RunResult {
  const evil = (text: string): string => (options.hostile ? `${text} ${HOSTILE}${'x'.repeat(300)}` : text)
  const builtId = `sha256:${hex(0xb1)}`
  const layers: LayerSummary[] = [
    { sizeBytes: 7_300_000, createdBy: 'ADD file:3c1c6b0c in /', created: iso(90_000) },
    { sizeBytes: 0, createdBy: 'CMD ["/bin/sh"]', created: iso(90_000) },
    ...Array.from({ length: 10 }, (_, i) => ({
      sizeBytes: (i + 1) * 3_100_000,
      createdBy: evil(`RUN apk add --no-cache package-${i} && rm -rf /var/cache/apk/*`),
      created: iso(60)
    })),
    { sizeBytes: 12_000, createdBy: evil('COPY . /app'), created: iso(30) },
    { sizeBytes: 0, createdBy: 'ENTRYPOINT ["/app/server"]', created: iso(30) }
  ]
  const builtSize = layers.reduce((sum, l) => sum + l.sizeBytes, 0)

  const images: ImageSummary[] = Array.from({ length: n }, (_, i) => {
    const built = i === 0
    return {
      id: built ? builtId : `sha256:${hex(i)}`,
      shortId: (built ? builtId : `sha256:${hex(i)}`).slice(7, 19),
      tags: built
        ? [evil('docker-preflight/app:3f2c1aa')]
        : i % 10 === 9
          ? []
          : [evil(`ghcr.io/octo-org/service-${i}/api:2024.05.${String(i % 30).padStart(2, '0')}-3f2c1aa`)],
      digests: i % 3 === 0 ? [`ghcr.io/octo-org/service-${i}/api@sha256:${hex(i + 7)}`] : [],
      sizeBytes: built ? builtSize : 5_000_000 + i * 1_234_567,
      created: iso(i * 3600),
      ...(built ? { built: true, labels: { 'org.opencontainers.image.title': evil('app') }, layers } : {})
    }
  })

  const containers: ContainerSummary[] = Array.from({ length: n }, (_, i) => {
    const exited = i % 3 !== 0
    return {
      id: hex(i + 0x1000),
      name: evil(`octo-service-${i}-worker-${hex(i, 6)}`),
      image: evil(`ghcr.io/octo-org/service-${i % 50}/api:2024.05.01`),
      command: evil(`/app/server --listen :${8000 + (i % 1000)} --config /etc/app/config.yaml --verbose`),
      state: exited ? 'exited' : 'running',
      status: exited ? `Exited (${i % 7 === 0 ? 137 : 0}) ${i % 59} minutes ago` : `Up ${i % 23} hours`,
      exitCode: exited ? (i % 7 === 0 ? 137 : 0) : undefined,
      created: iso(i * 60),
      ports: exited ? [] : [`127.0.0.1:${40000 + i}->8080/tcp`, '9090/tcp'],
      removed: i < 4
    }
  })

  const smokeCount = options.smoke ?? 8
  const results: SmokeContainerResult[] = Array.from({ length: smokeCount }, (_, i) => {
    const passed = i % 2 === 0
    const output = Array.from({ length: passed ? 3 : 2000 }, (_, line) =>
      evil(`line ${line}: ${'output text '.repeat(6)}`)
    ).join('\n')
    return {
      name: evil(`smoke-${i}`),
      image: i === 0 ? 'hello-world:latest' : evil('docker-preflight/app:3f2c1aa'),
      passed,
      exitCode: passed ? 0 : 1,
      durationMs: 400 + i * 250,
      reason: passed ? 'exited 0' : evil(`exited 1, expected 0`),
      outputTail: output.slice(-64 * 1024),
      outputTruncated: !passed,
      container: {
        id: hex(i + 0x2000),
        name: evil(`preflight-smoke-${i}`),
        command: evil('/app/server --check'),
        created: iso(10),
        state: 'exited',
        ports: [],
        removed: true
      }
    }
  })

  const failures = results.filter(r => !r.passed).map(r => `Smoke container "${r.name}" failed: ${r.reason}`)
  return {
    startedAt: iso(20),
    finishedAt: iso(0),
    durationMs: 19_800,
    endpoint: 'unix:///var/run/docker.sock',
    engine: {
      facts: {
        endpoint: 'unix:///var/run/docker.sock',
        serverVersion: '20.10.24',
        apiVersion: '1.41',
        minApiVersion: '1.12',
        os: 'linux',
        arch: 'amd64',
        kernelVersion: '6.8.0-1021-azure',
        imageStore: 'graphdriver',
        clientVersion: '20.10.24',
        version: { Version: '20.10.24', ApiVersion: '1.41' },
        info: {
          OperatingSystem: 'Ubuntu 24.04 LTS',
          Driver: 'overlay2',
          CgroupDriver: 'systemd',
          CgroupVersion: '2',
          DefaultRuntime: 'runc',
          SecurityOptions: ['name=seccomp,profile=builtin', 'name=cgroupns'],
          NCPU: 4,
          MemTotal: 16_764_000_000,
          Warnings: [evil('WARNING: No swap limit support')]
        }
      },
      conditions: [
        {
          condition: { source: 'NCPU>=2', field: 'NCPU', operator: '>=', value: '2' },
          passed: true,
          actual: '4'
        }
      ],
      status: 'passed',
      problems: [],
      startedAt: iso(20),
      finishedAt: iso(19.965),
      durationMs: 35
    },
    build: {
      status: 'built',
      imageId: builtId,
      tags: [evil('docker-preflight/app:3f2c1aa')],
      sizeBytes: builtSize,
      problems: [],
      startedAt: iso(19.99),
      finishedAt: iso(11.59),
      durationMs: 8_400,
      builder: 'buildkit',
      steps: layers.map((l, i) => ({ instruction: l.createdBy, line: i + 1, cached: i < 4 })),
      layers: layers.filter(l => l.sizeBytes > 0).length
    },
    smoke: {
      status: failures.length > 0 ? 'failed' : 'passed',
      problems: failures,
      startedAt: iso(19.99),
      finishedAt: iso(16.99),
      durationMs: 3_000,
      results,
      passed: results.every(r => r.passed)
    },
    inventory: { scope: 'all', images, containers, errors: [], durationMs: 120 },
    drift: {
      status: 'compared',
      problems: ['Engine drifted from the baseline: seccomp profile=builtin → absent'],
      startedAt: iso(0.5),
      finishedAt: iso(0.49),
      durationMs: 10,
      baseline: '/runner/reports/yesterday.json',
      items: [
        { field: 'cgroupVersion', label: 'Cgroup version', was: '2', now: '1', security: false },
        { field: 'seccomp', label: 'seccomp', was: 'profile=builtin', now: evil('absent'), security: true }
      ],
      failing: [
        { field: 'seccomp', label: 'seccomp', was: 'profile=builtin', now: 'absent', security: true }
      ],
      comparedFields: ['cgroupVersion', 'seccomp', 'storageDriver'],
      notes: []
    },
    failures,
    timings: [
      { label: 'engine check', ms: 35, startMs: 0 },
      { label: 'build', ms: 8_400, startMs: 10 },
      ...results.map((r, i) => ({ label: `smoke: ${r.name}`, ms: r.durationMs, startMs: 10 + i * 100 }))
    ]
  }
}
