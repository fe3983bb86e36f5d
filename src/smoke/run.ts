import type Docker from 'dockerode'
import type { RunEnvironment, SmokeOptions } from '../config.js'
import type { Log } from '../log/log.js'

export interface SmokeStageInput {
  docker: Docker
  options: SmokeOptions
  /** The image this run built, when there is one (entries without `image` use it). */
  builtImage?: { id: string; reference: string }
  env: RunEnvironment
  log: Log
  signal?: AbortSignal
  /** Labels to put on every container (the run's label, so cleanup can find them). */
  labels: Record<string, string>
}

export interface SmokeContainerResult {
  name: string
  image: string
  passed: boolean
  /** undefined when the container never exited (killed at its timeout, or stopped once ready). */
  exitCode?: number
  durationMs: number
  /** Why it passed or failed, in a sentence. */
  reason: string
  /** The last part of the combined output (bounded). */
  outputTail: string
  /** True when the tail is not the whole output. */
  outputTruncated: boolean
  /** What the smoke stage recorded of the container, so the report shows it after removal. */
  container?: {
    id: string
    name: string
    command: string
    created: string
    state: string
    ports: string[]
    removed: boolean
  }
}

export interface SmokeResult {
  results: SmokeContainerResult[]
  passed: boolean
  durationMs: number
}

/** The smoke stage. Replaced by the real implementation in issue 4. */
export async function runSmoke(_input: SmokeStageInput): Promise<SmokeResult> {
  return { results: [], passed: true, durationMs: 0 }
}
