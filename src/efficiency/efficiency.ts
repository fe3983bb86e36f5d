// The efficiency stage: the image export streamed, headers only, scored as dive scores it (./dive.ts),
// and judged against `max-wasted-bytes` and `min-efficiency`.
import type { Readable } from 'node:stream'
import type { EngineClient } from '../engine/client.js'
import { messageOf } from '../errors.js'
import { instruction } from '../inventory/inventory.js'
import { formatBytes, formatCount, formatPercent } from '../format.js'
import { diveEfficiency } from './dive.js'
import { readImageExport, type ExportedImage } from './export.js'
import { stageTimes, type StageResult } from '../stage.js'

export interface EfficiencyOptions {
  /** `max-wasted-bytes`; undefined: no budget. */
  maxWastedBytes?: number
  /** `min-efficiency`, 0..1; undefined: no budget. */
  minEfficiency?: number
}

export interface EfficiencyLayer {
  /** 1-based, bottom first, as the summary's layer chart numbers them. */
  number: number
  /** The instruction that made it (`RUN rm /f`); '' for a base layer with no history. */
  createdBy: string
  /** The Dockerfile line of that instruction, when this run built the image and the builder said. */
  line?: number
  /** Σ of its files' sizes. */
  sizeBytes: number
  /** What it contributed to the wasted bytes. */
  wastedBytes: number
}

export interface WastedPath {
  path: string
  /** dive's cumulative size of the path: every layer's copy (a removal of a directory counts what it removed). */
  wastedBytes: number
  /** The layers that wrote (or removed) it, bottom first. */
  layers: { number: number; bytes: number; removed: boolean }[]
}

export interface EfficiencyResult extends StageResult<'passed' | 'failed' | 'error'> {
  image: string
  /** How the engine exported it. */
  format?: ExportedImage['format']
  /** dive's efficiency score, 0..1. */
  efficiency?: number
  wastedBytes?: number
  /** Σ of every layer's file sizes. */
  sizeBytes?: number
  layers: EfficiencyLayer[]
  /** The 10 largest wasted paths. */
  largest: WastedPath[]
}

export const LARGEST_WASTED_PATHS = 10

export interface EfficiencyInput {
  client: EngineClient
  /** ID or reference of the image to analyse. */
  image: string
  /** A name for people (the built image's tag). */
  name: string
  options: EfficiencyOptions
  signal?: AbortSignal
}

/** Analyses one image. Never rejects: an export the engine refuses is the stage's error. */
export async function analyseEfficiency(input: EfficiencyInput): Promise<EfficiencyResult> {
  const started = Date.now()
  const base = { image: input.name, layers: [], largest: [] }
  const finish = (
    result: Omit<EfficiencyResult, 'startedAt' | 'finishedAt' | 'durationMs'>
  ): EfficiencyResult => ({ ...result, ...stageTimes(started) })
  let exported: ExportedImage
  try {
    const stream: Readable = await input.client.images.export(input.image, input.signal)
    exported = await readImageExport(stream, input.signal)
  } catch (error) {
    if (input.signal?.aborted) throw error
    return finish({
      ...base,
      status: 'error',
      problems: [`Could not analyse the efficiency of ${input.name}: ${messageOf(error)}`]
    })
  }
  try {
    return finish(judge(scoreExport(exported, input.name), input.options))
  } catch (error) {
    return finish({
      ...base,
      status: 'error',
      problems: [`Could not analyse ${input.name}: ${messageOf(error)}`]
    })
  }
}

type Scored = Omit<EfficiencyResult, 'startedAt' | 'finishedAt' | 'durationMs' | 'status' | 'problems'>

/** dive's figures for an export read by readImageExport, with each layer named by its instruction. */
export function scoreExport(exported: ExportedImage, name: string): Scored {
  const dive = diveEfficiency(exported.layers.map(layer => layer.entries))
  // The n-th history item that made a layer is the n-th layer (dive matches them the same way).
  const made = exported.history.filter(item => !item.empty_layer)
  const layers: EfficiencyLayer[] = exported.layers.map((layer, i) => ({
    number: i + 1,
    createdBy: made[i]?.created_by ? instruction(made[i]!.created_by!) : '',
    sizeBytes: layer.contentBytes,
    wastedBytes: dive.wastedBytesPerLayer[i] ?? 0
  }))
  return {
    image: name,
    format: exported.format,
    efficiency: dive.score,
    wastedBytes: dive.wastedBytes,
    sizeBytes: layers.reduce((sum, layer) => sum + layer.sizeBytes, 0),
    layers,
    largest: dive.inefficiencies.slice(0, LARGEST_WASTED_PATHS).map(data => ({
      path: data.path,
      wastedBytes: data.cumulativeBytes,
      layers: data.layers.map(seen => ({ number: seen.layer + 1, bytes: seen.bytes, removed: seen.removed }))
    }))
  }
}

/** The budgets: dive CI's highestWastedBytes and lowestEfficiency (fails when over / under). */
export function judge(
  scored: Scored,
  options: EfficiencyOptions
): Omit<EfficiencyResult, 'startedAt' | 'finishedAt' | 'durationMs'> {
  const problems: string[] = []
  const wasted = scored.wastedBytes ?? 0
  const top = scored.largest[0]
  const worst = top
    ? ` Largest: ${top.path} (${formatBytes(top.wastedBytes)} in layers ${top.layers.map(l => l.number).join(', ')}).`
    : ''
  if (options.maxWastedBytes !== undefined && wasted > options.maxWastedBytes) {
    problems.push(
      `Image ${scored.image} wastes ${formatBytes(wasted)} (${formatCount(wasted)} bytes), over max-wasted-bytes ${formatBytes(options.maxWastedBytes)}.${worst}`
    )
  }
  const score = scored.efficiency ?? 1
  if (options.minEfficiency !== undefined && score < options.minEfficiency) {
    problems.push(
      `Image ${scored.image} is ${formatPercent(score)} efficient, under min-efficiency ${formatPercent(options.minEfficiency)}.${worst}`
    )
  }
  return { ...scored, status: problems.length > 0 ? 'failed' : 'passed', problems }
}

/**
 * Puts the Dockerfile line on each layer this run's build made: the builder's steps (instruction and
 * line) are matched to the layers' instructions from the top down, so the base image's layers, which
 * no step made, are never matched, and a repeated instruction matches its own occurrence.
 */
export function attachLines(result: EfficiencyResult, steps: { instruction: string; line?: number }[]): void {
  const same = (text: string): string => text.replace(/\s+/g, ' ').trim()
  // In Dockerfile order: the builder reports steps as they finish, and dockerd 28's BuildKit was seen
  // reporting a run of cached steps bottom-up. A step without a line has nothing to attach.
  steps = steps.filter(step => step.line !== undefined).sort((a, b) => a.line! - b.line!)
  let next = steps.length - 1
  for (let i = result.layers.length - 1; i >= 0 && next >= 0; i--) {
    const layer = result.layers[i]!
    for (let j = next; j >= 0; j--) {
      if (same(steps[j]!.instruction) === same(layer.createdBy)) {
        if (steps[j]!.line !== undefined) layer.line = steps[j]!.line
        next = j - 1
        break
      }
    }
  }
}
