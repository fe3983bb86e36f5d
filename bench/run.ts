// npm run bench: the action against the docker CLI doing the same work, on the same engine, in one run.
// Prints each figure with its target; exits 1 when one misses. See BENCHMARKS.md.
// The __dirname shim first, as in src/index.ts: this file is bundled by ncc too.
import '../src/shim.js'
import { execFileSync } from 'node:child_process'
import { appendFileSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { actionEnv, child, freshFiles, makeWork, pipelineVsScript, startUp } from './cases.js'
import { childBuild, childEfficiency, childExportRead, childSmoke, makeContext } from './stages.js'
import { renderCase } from './render.js'
import { alternate, fmt, median, timed, type Figure } from './util.js'

async function contextCase(work: string): Promise<Figure[]> {
  const big = join(work, 'ctx-300mb')
  const small = join(work, 'ctx-30mb')
  makeContext(big, 20_000, 15_000)
  makeContext(small, 2_000, 15_000)
  const tag = 'docker-preflight-bench/context:latest'
  let rss: number[] = []
  const ours = async (): Promise<number> => {
    const r = await child<{ ms: number; maxRssMB: number }>('build', [big, tag])
    rss.push(r.maxRssMB)
    return r.ms
  }
  const cli = async (): Promise<number> => {
    const r = await timed('docker', ['build', '-q', '-t', tag, big], {
      env: { ...process.env, DOCKER_BUILDKIT: '0' }
    })
    if (r.exitCode !== 0) throw new Error(r.stderr)
    return r.ms
  }
  const { a, b } = await alternate(3, ours, cli)
  const bigRss = Math.max(...rss)
  rss = []
  const smallRun = await child<{ ms: number; maxRssMB: number }>('build', [small, tag])
  await timed('docker', ['image', 'rm', '-f', tag])
  const growth = bigRss - smallRun.maxRssMB
  return [
    {
      name: 'build context 20,000 files / 300 MB, half ignored',
      value: a / b,
      unit: '×',
      target: '≤ 1.1×',
      met: a / b <= 1.1,
      detail: `pack+send+build ${fmt(a)} vs docker build ${fmt(b)} (classic builder both)`
    },
    {
      name: 'build peak RSS, 300 MB context vs 30 MB context',
      value: growth,
      unit: 'MB',
      target: '≤ 20 MB more (independent of context size)',
      met: growth <= 20,
      detail: `${bigRss.toFixed(0)} MB at 300 MB, ${smallRun.maxRssMB.toFixed(0)} MB at 30 MB`
    }
  ]
}

/** A private DOCKER_CONFIG whose CLI has buildx 0.29 (Debian forky) as a plugin; this machine's has none. */
async function buildxConfig(work: string): Promise<string> {
  const fetched = await timed('bash', ['scripts/forky.sh', 'fetch', 'docker-buildx'])
  if (fetched.exitCode !== 0) throw new Error(fetched.stderr)
  const prefix = fetched.stdout.trim().split('\n').pop()!
  const config = join(work, 'docker-config')
  mkdirSync(join(config, 'cli-plugins'), { recursive: true })
  rmSync(join(config, 'cli-plugins/docker-buildx'), { force: true })
  symlinkSync(
    join(prefix, 'usr/libexec/docker/cli-plugins/docker-buildx'),
    join(config, 'cli-plugins/docker-buildx')
  )
  return config
}

/**
 * BuildKit: the context through the session's file sync vs `docker buildx build` (buildx 0.29 from Debian
 * forky, as a CLI plugin in a private DOCKER_CONFIG), same 20,000-file context. BuildKit keeps a copy of
 * a context per directory and session key; the directory is renamed before every build so each one is a
 * first transfer for both. Then one file is changed and each side builds again: what was transferred.
 */
async function buildkitContextCase(work: string): Promise<Figure[]> {
  const config = await buildxConfig(work)
  const cliEnv = { ...process.env, DOCKER_CONFIG: config }
  let dir = join(work, 'ctx-bk-0')
  // COPY . : BuildKit only transfers what the Dockerfile's COPY sources name, so the whole context must be.
  makeContext(dir, 20_000, 15_000, 'FROM scratch\nCOPY . /ctx/\n')
  // The 300 MB just written are flushed first: the kernel's writeback otherwise lands on whichever side
  // runs first (a full bench run measured 1.59× there, then 0.83–0.93× in five runs of this case alone).
  execFileSync('sync')
  let moves = 0
  const fresh = (): string => {
    const next = join(work, `ctx-bk-${++moves}`)
    renameSync(dir, next)
    dir = next
    return dir
  }
  const tag = 'docker-preflight-bench/context-bk:latest'
  type Child = { ms: number; context: { files: number; bytes: number; listed?: number } }
  const ours = async (): Promise<number> => (await child<Child>('build', [fresh(), tag, 'buildkit'])).ms
  const buildx = async (path: string, extra: string[] = []) => {
    const r = await timed('docker', ['buildx', 'build', '--progress=plain', ...extra, '-t', tag, path], {
      env: cliEnv
    })
    if (r.exitCode !== 0) throw new Error(r.stderr)
    return r
  }
  const cli = async (): Promise<number> => (await buildx(fresh())).ms
  const { a, b } = await alternate(3, ours, cli)

  // One file changed, built again by each side in its own directory.
  const oursDir = fresh()
  await child<Child>('build', [oursDir, tag, 'buildkit'])
  writeFileSync(join(oursDir, 'd7/new.log'), 'ignored\n')
  appendFileSync(join(oursDir, 'd0/f0.dat'), 'changed\n')
  const again = await child<Child>('build', [oursDir, tag, 'buildkit'])
  const cliDir = fresh()
  await buildx(cliDir)
  appendFileSync(join(cliDir, 'd0/f0.dat'), 'changed\n')
  const cliAgain = await buildx(cliDir)
  const transferred = /transferring context: ([\d.]+[kMG]?B)/g
  const cliSent = [...cliAgain.stderr.matchAll(transferred)].map(m => m[1]).pop() ?? '?'
  await timed('docker', ['image', 'rm', '-f', tag])
  return [
    {
      name: 'build context 20,000 files / 300 MB, half ignored, BuildKit',
      value: a / b,
      unit: '×',
      target: '≤ 1.1×',
      met: a / b <= 1.1,
      detail: `session file sync + build ${fmt(a)} vs docker buildx build ${fmt(b)} (first transfer each)`
    },
    {
      name: 'second BuildKit build, one file changed (and one new ignored file): files sent',
      value: again.context.files,
      unit: 'files',
      target: '1',
      met: again.context.files === 1,
      detail: `${again.context.files} file, ${again.context.bytes} B of ${again.context.listed} listed, ${fmt(again.ms)}; buildx: transferring context ${cliSent}, ${fmt(cliAgain.ms)}`
    }
  ]
}

async function smokeCase(): Promise<Figure> {
  const ours = async (): Promise<number> => (await child<{ ms: number }>('smoke', ['8', '8'])).ms
  const cli = async (): Promise<number> => {
    const started = performance.now()
    for (let i = 0; i < 8; i++) {
      const r = await timed('docker', ['run', '--rm', 'busybox:latest', 'sh', '-c', 'sleep 1; echo slept'])
      if (r.exitCode !== 0) throw new Error(r.stderr)
    }
    return performance.now() - started
  }
  const { a, b } = await alternate(2, ours, cli)
  return {
    name: 'parallel smoke: 8 containers sleeping 1 s',
    value: a / b,
    unit: '×',
    target: '≤ 0.4×',
    met: a / b <= 0.4,
    detail: `smoke stage ${fmt(a)} vs 8 sequential docker run ${fmt(b)}`
  }
}

async function memoryCase(work: string): Promise<Figure> {
  const smoke = JSON.stringify([
    {
      name: 'chatty',
      image: 'busybox:latest',
      command: [
        'sh',
        '-c',
        'yes 0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz012345 | head -c 100000000'
      ],
      timeout: '120s'
    }
  ])
  const env = actionEnv({ build: 'false', smoke }, work)
  freshFiles(work)
  // The child reports its own peak RSS as it exits (no dependency on GNU time being installed).
  const preload = join(work, 'report-maxrss.mjs')
  writeFileSync(
    preload,
    "process.on('exit', () => process.stderr.write(`maxrss_kb=${process.resourceUsage().maxRSS}\\n`))\n"
  )
  const r = await timed(process.execPath, ['--import', preload, 'dist/index.js'], { env })
  const kb = Number(/maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN)
  if (r.exitCode !== 0) throw new Error(`the 100 MB output run failed:\n${r.stdout.slice(-2000)}`)
  const mb = kb / 1024
  return {
    name: 'peak RSS, whole run, container writing 100 MB',
    value: mb,
    unit: 'MB',
    target: '≤ 150 MB',
    met: mb <= 150,
    detail: `node dist/index.js maxrss ${mb.toFixed(0)} MB (wall ${fmt(r.ms)})`
  }
}

/**
 * Efficiency of a ~1 GB image (4 layers of 256 MiB of random bytes, one file overwritten, then removed):
 * the export is streamed and only tar headers are kept, so peak RSS must not follow the image's size.
 * Compared with `docker save` to /dev/null (the same export, only read) and with busybox alone.
 */
async function efficiencyCase(work: string): Promise<Figure[]> {
  const tag = 'docker-preflight-bench/efficiency:latest'
  const context = join(work, 'efficiency')
  mkdirSync(context, { recursive: true })
  const mib256 = 'head -c 268435456 /dev/urandom'
  writeFileSync(
    join(context, 'Dockerfile'),
    [
      'FROM busybox',
      `RUN ${mib256} > /a`,
      `RUN ${mib256} > /a`,
      `RUN ${mib256} > /b`,
      `RUN ${mib256} > /c`,
      'RUN rm /a'
    ].join('\n')
  )
  const built = await timed('docker', ['build', '-q', '--network', 'none', '-t', tag, context])
  if (built.exitCode !== 0) throw new Error(built.stderr)
  try {
    type Child = {
      ms: number
      maxRssMB: number
      sizeBytes: number
      wastedBytes: number
      efficiency: number
      format: string
    }
    let big: Child | undefined
    const bigRss: number[] = []
    const ours = async (): Promise<number> => {
      big = await child<Child>('efficiency', [tag])
      bigRss.push(big.maxRssMB)
      return big.ms
    }
    const cli = async (): Promise<number> => {
      const r = await timed('sh', ['-c', `docker save ${tag} > /dev/null`])
      if (r.exitCode !== 0) throw new Error(r.stderr)
      return r.ms
    }
    const { a, b } = await alternate(3, ours, cli)
    const small = await child<Child>('efficiency', ['busybox:latest'])
    // The floor: a Node process that reads the same export and parses nothing. Its peak RSS is set by
    // when V8 collects the socket's buffers, not by what is kept, and moves by 20 MB between runs: both
    // sides are medians of three.
    const floors: { ms: number; maxRssMB: number }[] = []
    for (let i = 0; i < 3; i++)
      floors.push(await child<{ ms: number; maxRssMB: number }>('export-read', [tag]))
    const floor = { ms: median(floors.map(f => f.ms)), maxRssMB: median(floors.map(f => f.maxRssMB)) }
    const bigMaxRss = median(bigRss)
    const growth = bigMaxRss - floor.maxRssMB
    return [
      {
        name: `efficiency of a ${(big!.sizeBytes / 1e9).toFixed(2)} GB image (${big!.format})`,
        value: a / b,
        unit: '×',
        target: '≤ 1.5× docker save > /dev/null',
        met: a / b <= 1.5,
        detail: `analysis ${fmt(a)} vs docker save ${fmt(b)} (Node only reading the export: ${fmt(floor.ms)}); wasted ${(big!.wastedBytes / 1e6).toFixed(0)} MB, score ${(big!.efficiency * 100).toFixed(1)}%`
      },
      {
        name: 'efficiency peak RSS, 1 GB image, over reading its export and parsing nothing',
        value: growth,
        unit: 'MB',
        target: '≤ 20 MB more (nothing of the layers is held)',
        met: growth <= 20,
        detail: `${bigMaxRss.toFixed(0)} MB analysing (runs ${bigRss.map(m => m.toFixed(0)).join(', ')}), ${floor.maxRssMB.toFixed(0)} MB only reading the export (runs ${floors.map(f => f.maxRssMB.toFixed(0)).join(', ')}), ${small.maxRssMB.toFixed(0)} MB analysing busybox (2 MB)`
      }
    ]
  } finally {
    await timed('docker', ['image', 'rm', '-f', tag])
  }
}

let found24: { path: string; version: string } | undefined
/** Node 24 from npm under a private prefix (scripts/node24.sh installs it once), or PREFLIGHT_NODE24. */
function node24(): { path: string; version: string } {
  if (!found24) {
    const path =
      process.env.PREFLIGHT_NODE24 ||
      execFileSync('bash', ['scripts/node24.sh'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit']
      }).trim()
    const version = execFileSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim()
    found24 = { path, version }
  }
  return found24
}

/** The floor users may still have: this process when it is Node 20 (`npm run bench:node20`), else the
 * `node` on PATH (Node 20 here; `npm run bench` itself runs on Node 24), or PREFLIGHT_NODE20. */
function node20(): { path: string; version: string } {
  if (process.versions.node.startsWith('20.'))
    return { path: process.execPath, version: process.versions.node }
  const path =
    process.env.PREFLIGHT_NODE20 ||
    execFileSync('bash', ['-c', 'command -v node'], { encoding: 'utf8' }).trim()
  const version = execFileSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim()
  return { path, version }
}

async function main(): Promise<void> {
  const [flag, mode, ...args] = process.argv.slice(2)
  if (flag === '--child') {
    if (mode === 'build')
      return childBuild(args[0]!, args[1]!, args[2] === 'buildkit' ? 'buildkit' : 'classic')
    if (mode === 'smoke') return childSmoke(Number(args[0]), Number(args[1]))
    if (mode === 'efficiency') return childEfficiency(args[0]!)
    if (mode === 'export-read') return childExportRead(args[0]!)
    throw new Error(`unknown child mode ${mode}`)
  }
  const only = flag ? new Set(process.argv.slice(2)) : undefined
  const work = makeWork()
  const figures: Figure[] = []
  const cases: [string, () => Promise<Figure | Figure[]>][] = [
    // Start-up first, on a quiet engine: it is the figure most easily disturbed by the work before it.
    ['startup', () => startUp(work)],
    [
      'pipeline',
      () => pipelineVsScript(work, { label: `Node ${node20().version}`, execPath: node20().path })
    ],
    // The runtime action.yml asks for. The compile cache lives in RUNNER_TEMP: kept between runs (a
    // self-hosted runner, or a job's second step), and emptied before each (a fresh hosted runner).
    [
      'pipeline',
      async () =>
        pipelineVsScript(work, {
          label: `Node ${node24().version}, compile cache kept`,
          execPath: node24().path
        })
    ],
    [
      'pipeline',
      async () =>
        pipelineVsScript(work, {
          label: `Node ${node24().version}, compile cache empty`,
          execPath: node24().path,
          coldCache: true
        })
    ],
    // The same as the first Node 24 case, against the script building with BuildKit (no target).
    [
      'pipeline-buildx',
      async () =>
        pipelineVsScript(
          work,
          { label: `Node ${node24().version}, compile cache kept`, execPath: node24().path },
          await buildxConfig(work)
        )
    ],
    ['context', () => contextCase(work)],
    ['buildkit-context', () => buildkitContextCase(work)],
    ['smoke', () => smokeCase()],
    ['render', () => renderCase()],
    ['memory', () => memoryCase(work)],
    ['efficiency', () => efficiencyCase(work)]
  ]
  const started = Date.now()
  try {
    for (const [name, run] of cases) {
      if (only && !only.has(name)) continue
      process.stderr.write(`bench: ${name}…\n`)
      const result = await run()
      for (const figure of [result].flat()) {
        figures.push(figure)
        const value =
          figure.unit === '×' ? `${figure.value.toFixed(2)}×` : `${figure.value.toFixed(1)} ${figure.unit}`
        console.log(
          `${verdict(figure.met, 'MET   ', 'MISSED', 'INFO  ')} ${figure.name}: ${value} (target ${figure.target}) — ${figure.detail}`
        )
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  console.log(`\n| figure | measured | target | met | detail |\n|---|---|---|---|---|`)
  for (const f of figures) {
    const value = f.unit === '×' ? `${f.value.toFixed(2)}×` : `${f.value.toFixed(1)} ${f.unit}`
    console.log(`| ${f.name} | ${value} | ${f.target} | ${verdict(f.met, 'yes', 'no', '—')} | ${f.detail} |`)
  }
  console.log(`\nbench: ${figures.length} figures in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  if (figures.some(f => f.met === false)) process.exitCode = 1
}

function verdict(met: boolean | undefined, yes: string, no: string, none: string): string {
  return met === undefined ? none : met ? yes : no
}

await main()
