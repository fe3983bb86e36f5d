// The structure stage as the pipeline runs it: which image, the run's labels, and the JUnit file.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { EngineClient } from '../engine/client.js'
import type { StructureOptions } from '../config.js'
import { messageOf } from '../errors.js'
import { runLabels } from '../labels.js'
import type { Log } from '../log/log.js'
import { stageTimes } from '../stage.js'
import { junitXml } from './junit.js'
import { runStructureTests, type StructureResult } from './run.js'

export interface StructureStageInput {
  client: EngineClient
  options: StructureOptions
  /** The image this run built, when it built one. */
  built?: { id: string; reference: string }
  /** True when the build failed (the tests then do not run; the build's failure says why). */
  buildFailed: boolean
  timeoutMs: number
  runId: string
  processEnv: NodeJS.ProcessEnv
  workspace: string
  log: Log
  signal?: AbortSignal
}

/** undefined when there are no structure tests, or the build failed and no structure-image was given. */
export async function runStructureStage(input: StructureStageInput): Promise<StructureResult | undefined> {
  const { options, log } = input
  if (options.files.length === 0) return undefined
  const image = options.image ?? input.built?.id
  const name = options.image ?? input.built?.reference
  if (!image || !name) {
    if (input.buildFailed) {
      log.info('Structure tests: not run, the build failed so there is no image to test')
      return undefined
    }
    const now = Date.now()
    return {
      status: 'error',
      problems: ['Structure tests: no image to test (this run built none); set structure-image'],
      ...stageTimes(now, now),
      image: '',
      files: []
    }
  }
  const result = await runStructureTests({
    client: input.client,
    files: options.files,
    image,
    name,
    timeoutMs: input.timeoutMs,
    labels: runLabels(input.runId, 'structure'),
    processEnv: input.processEnv,
    workspace: input.workspace,
    log,
    signal: input.signal
  })
  if (options.junitPath) {
    try {
      mkdirSync(dirname(options.junitPath), { recursive: true })
      writeFileSync(options.junitPath, junitXml(result))
      log.info(`Structure tests: JUnit XML written to ${options.junitPath}`)
    } catch (error) {
      result.problems.push(`Could not write junit-path ${options.junitPath}: ${messageOf(error)}`)
      result.status = 'failed'
    }
  }
  return result
}
