// The `smoke` input: a YAML list of containers to run and how to judge them.
// (Parser to be completed by the smoke stage; see issue 4.)
import type { ProblemList } from '../inputs/problems.js'

export interface PortSpec {
  /** undefined: a free host port on 127.0.0.1 */
  hostPort?: number
  containerPort: number
  protocol: 'tcp' | 'udp'
}

export type ReadySpec =
  | { kind: 'http'; target: string }
  | { kind: 'port'; port: number }
  | { kind: 'log'; pattern: RegExp }
  | { kind: 'healthy' }

export interface SmokeSpec {
  name: string
  /** undefined: the image this run built. */
  image?: string
  command?: string[]
  entrypoint?: string[]
  env: Record<string, string>
  user?: string
  workdir?: string
  ports: PortSpec[]
  expectExitCode: number
  expectOutput?: RegExp
  rejectOutput?: RegExp
  timeoutMs: number
  ready?: ReadySpec
}

/** Parses the `smoke` input; '' gives undefined (the defaults). Problems name the entry and the key. */
export function parseSmokeList(
  text: string,
  defaults: { timeoutMs: number },
  problems: ProblemList,
  input = 'smoke'
): SmokeSpec[] | undefined {
  void defaults
  if (text.trim() === '') return undefined
  problems.add(input, text, 'cannot be parsed yet')
  return undefined
}
