import { PassThrough } from 'node:stream'
import { runCli } from '../../src/runtime/cli.js'

/** What a person at a terminal sees: exit status, stdout, stderr. */
export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs the CLI in-process with captured streams (not a TTY), as a CI system would see it. */
export async function cli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: string[] = []
  const err: string[] = []
  stdout.on('data', chunk => out.push(String(chunk)))
  stderr.on('data', chunk => err.push(String(chunk)))
  const code = await runCli(args, { stdout, stderr }, env)
  await new Promise(resolve => setImmediate(resolve))
  return { code, stdout: out.join(''), stderr: err.join('') }
}
