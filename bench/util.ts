import { spawn, type SpawnOptions } from 'node:child_process'

export interface Figure {
  name: string
  value: number
  unit: string
  target: string
  met: boolean
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
