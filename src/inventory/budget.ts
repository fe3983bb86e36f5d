import type { BuildResult } from '../build/types.js'
import { formatBytes, formatCount, oneLine } from '../format.js'
import type { ImageSummary, Inventory, LayerSummary } from './inventory.js'
import { builtImageSize } from './image-size.js'

export interface ImageSizeInput {
  /** `max-image-size` in bytes; undefined: no budget. */
  maxBytes?: number
  build?: BuildResult
  inventory?: Inventory
}

/**
 * `max-image-size`: the failure sentence when the built image is larger than the budget, naming both
 * sizes and the three largest layers with their instructions; undefined when it fits (or nothing was built).
 */
export function checkImageSize(input: ImageSizeInput): string | undefined {
  const { maxBytes, build } = input
  if (maxBytes === undefined || build?.status !== 'built') return undefined
  const image = input.inventory?.images.find(i => i.built)
  const size = builtImageSize(build, input.inventory)
  if (size === undefined || size <= maxBytes) return undefined
  const name = image?.tags[0] ?? build.tags[0] ?? build.imageId ?? 'the built image'
  const layers = largestLayers(image, 3)
  const largest =
    layers.length === 0
      ? ''
      : ` Largest layers: ${layers.map(l => `${formatBytes(l.sizeBytes)} ${oneLine(l.createdBy, 80) || '(no instruction recorded)'}`).join('; ')}.`
  return (
    `Image ${name} is ${formatBytes(size)} (${formatCount(size)} bytes), over max-image-size ` +
    `${formatBytes(maxBytes)} (${formatCount(maxBytes)} bytes).${largest}`
  )
}

function largestLayers(image: ImageSummary | undefined, n: number): LayerSummary[] {
  return [...(image?.layers ?? [])]
    .filter(l => l.sizeBytes > 0)
    .sort((a, b) => b.sizeBytes - a.sizeBytes)
    .slice(0, n)
}
