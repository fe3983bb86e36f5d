import type { BuildResult } from '../build/build.js'
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
      : ` Largest layers: ${layers.map(l => `${sizeText(l.sizeBytes)} ${oneLine(l.createdBy, 80)}`).join('; ')}.`
  return (
    `Image ${name} is ${sizeText(size)} (${size.toLocaleString('en-US')} bytes), over max-image-size ` +
    `${sizeText(maxBytes)} (${maxBytes.toLocaleString('en-US')} bytes).${largest}`
  )
}

function largestLayers(image: ImageSummary | undefined, n: number): LayerSummary[] {
  return [...(image?.layers ?? [])]
    .filter(l => l.sizeBytes > 0)
    .sort((a, b) => b.sizeBytes - a.sizeBytes)
    .slice(0, n)
}

/** Decimal and binary, since the input accepts both `250MB` and `1.5GiB`. */
function sizeText(n: number): string {
  const decimal = ['B', 'kB', 'MB', 'GB', 'TB']
  const binary = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  const scaled = (base: number, units: string[]): string => {
    let value = n
    let unit = 0
    while (value >= base && unit < units.length - 1) {
      value /= base
      unit++
    }
    return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`
  }
  return n < 1000 ? `${n} B` : `${scaled(1000, decimal)} / ${scaled(1024, binary)}`
}

function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim() || '(no instruction recorded)'
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}
