import { spawn, type SpawnOptions } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export interface Figure {
  name: string
  value: number
  unit: string
  target: string
  /** undefined: a figure printed for comparison, with no target. */
  met: boolean | undefined
  detail: string
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export interface Timed {
  ms: number
  exitCode: number
  stdout: string
  stderr: string
}

/** Runs a command to completion and times it from spawn to exit. */
export function timed(command: string, args: string[], options: SpawnOptions = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', d => (stdout += d))
    child.stderr?.on('data', d => (stderr += d))
    child.on('error', reject)
    child.on('close', code =>
      resolve({ ms: performance.now() - started, exitCode: code ?? -1, stdout, stderr })
    )
  })
}

/** Runs `a` and `b` alternately `rounds` times (after one warm-up each); medians of both. */
export async function alternate(
  rounds: number,
  a: () => Promise<number>,
  b: () => Promise<number>
): Promise<{ a: number; b: number; as: number[]; bs: number[] }> {
  await a()
  await b()
  const as: number[] = []
  const bs: number[] = []
  for (let i = 0; i < rounds; i++) {
    as.push(await a())
    bs.push(await b())
  }
  return { a: median(as), b: median(bs), as, bs }
}

export function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`
}

export interface Usage extends Timed {
  /** user + sys CPU of the process and every descendant it waited for, ms. */
  cpuMs: number
  /** Peak RSS of the largest of them, MB (getrusage's ru_maxrss). */
  maxRssMB: number
}

/**
 * `timed` under GNU time (/usr/bin/time, Debian's `time` package): wait4's rusage covers the command and
 * the descendants it waited for, so a bash script's docker CLIs are counted as the action's node is.
 */
export async function timedUsage(
  command: string,
  args: string[],
  options: SpawnOptions = {}
): Promise<Usage> {
  const out = join(mkdtempSync(join(tmpdir(), 'preflight-rusage-')), 'rusage')
  const run = await timed('/usr/bin/time', ['-f', '%U %S %M', '-o', out, command, ...args], options).catch(
    (error: unknown) => {
      throw new Error(`the bench needs GNU time at /usr/bin/time (apt-get install time): ${String(error)}`)
    }
  )
  const fields = readFileSync(out, 'utf8').trim().split('\n').pop()!.split(' ').map(Number)
  rmSync(dirname(out), { recursive: true, force: true })
  const [user, sys, maxKb] = fields as [number, number, number]
  return { ...run, cpuMs: (user + sys) * 1000, maxRssMB: maxKb / 1024 }
}
