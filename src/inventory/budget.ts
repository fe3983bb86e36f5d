import type { BuildResult } from '../build/types.js'
import { formatBytes, formatCount, oneLine } from '../format.js'
import type { ImageSummary, Inventory, LayerSummary } from './inventory.js'
import { builtImageSize } from './image-size.js'
import { stageTimes, type StageResult } from '../stage.js'

export interface ImageSizeInput {
  /** `max-image-size` in bytes; undefined: no budget. */
  maxBytes?: number
  build?: BuildResult
  inventory?: Inventory
}

/**
 * `max-image-size`: status `skipped` with no budget or no built image; `failed` when the built image is
 * larger than the budget, with one problem naming both sizes and the three largest layers with their
 * instructions.
 */
export interface ImageSizeResult extends StageResult<'passed' | 'failed' | 'skipped'> {
  sizeBytes?: number
  maxBytes?: number
}

export function checkImageSize(input: ImageSizeInput): ImageSizeResult {
  const started = Date.now()
  const { maxBytes, build } = input
  const result = (
    status: ImageSizeResult['status'],
    sizeBytes?: number,
    problems: string[] = []
  ): ImageSizeResult => ({
    status,
    problems,
    ...stageTimes(started),
    sizeBytes,
    maxBytes
  })
  if (maxBytes === undefined || build?.status !== 'built') return result('skipped')
  const image = input.inventory?.images.find(i => i.built)
  const size = builtImageSize(build, input.inventory)
  if (size === undefined) return result('skipped')
  if (size <= maxBytes) return result('passed', size)
  const name = image?.tags[0] ?? build.tags[0] ?? build.imageId ?? 'the built image'
  const layers = largestLayers(image, 3)
  const largest =
    layers.length === 0
      ? ''
      : ` Largest layers: ${layers.map(l => `${formatBytes(l.sizeBytes)} ${oneLine(l.createdBy, 80) || '(no instruction recorded)'}`).join('; ')}.`
  return result('failed', size, [
    `Image ${name} is ${formatBytes(size)} (${formatCount(size)} bytes), over max-image-size ` +
      `${formatBytes(maxBytes)} (${formatCount(maxBytes)} bytes).${largest}`
  ])
}

function largestLayers(image: ImageSummary | undefined, n: number): LayerSummary[] {
  return [...(image?.layers ?? [])]
    .filter(l => l.sizeBytes > 0)
    .sort((a, b) => b.sizeBytes - a.sizeBytes)
    .slice(0, n)
}
