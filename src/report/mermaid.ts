import type { LayerSummary } from '../inventory/inventory.js'
import type { Timing } from '../pipeline.js'
import { byteScale } from '../format.js'
import { mermaidLabel } from './escape.js'
import { mermaid } from './html.js'

// Pictures for the job summary, as Mermaid blocks (GitHub renders them). Every label comes from
// untrusted text (instructions, smoke entry names) and goes through mermaidLabel().

/** Bars beyond this many are unreadable; the largest are kept, in Dockerfile order. */
export const MAX_LAYER_BARS = 30
/** Slices beyond this many are merged into one. */
export const MAX_TIME_SLICES = 12

/** A bar chart of the built image's layer sizes, in Dockerfile order; '' when there is nothing to draw. */
export function layerChart(layers: LayerSummary[], imageName: string): string {
  const numbered = layers.map((layer, i) => ({ ...layer, n: i + 1 })).filter(l => l.sizeBytes > 0)
  if (numbered.length === 0) return ''
  const kept =
    numbered.length <= MAX_LAYER_BARS
      ? numbered
      : [...numbered]
          .sort((a, b) => b.sizeBytes - a.sizeBytes)
          .slice(0, MAX_LAYER_BARS)
          .sort((a, b) => a.n - b.n)
  const largest = Math.max(...kept.map(l => l.sizeBytes))
  const { unit, divisor } = byteScale(largest)
  // A base image imported from a tarball has no instruction.
  const labels = kept.map(l => `"${l.n} ${l.createdBy ? mermaidLabel(l.createdBy, 24) : 'base'}"`)
  const values = kept.map(l => round(l.sizeBytes / divisor))
  const left = numbered.length - kept.length
  const title = `Layer sizes of ${mermaidLabel(imageName, 60)} (${unit})${left > 0 ? `, largest ${kept.length} of ${numbered.length}` : ''}`
  return mermaid(
    [
      'xychart-beta',
      `    title "${title}"`,
      `    x-axis [${labels.join(', ')}]`,
      `    y-axis "${unit}" 0 --> ${Math.max(...values) || 1}`,
      `    bar [${values.join(', ')}]`
    ].join('\n')
  )
}

/**
 * A Gantt chart of the stages (engine check, build, each smoke container, ...), each bar from its start to
 * its end: the stages run side by side, and the bars show where they overlap. '' when there is nothing to
 * draw. Timings without a start (an older report) are left out; beyond MAX_TIME_SLICES bars the longest
 * are kept, in start order.
 */
export function timeChart(timings: Timing[]): string {
  const bars = timings.filter(
    (t): t is Timing & { startMs: number } => t.ms > 0 && t.startMs !== undefined && t.startMs >= 0
  )
  if (bars.length === 0) return ''
  const kept = [...bars]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, MAX_TIME_SLICES)
    .sort((a, b) => a.startMs - b.startMs)
  const left = bars.length - kept.length
  const lines = kept.map(
    t =>
      `    ${mermaidLabel(t.label, 40).replace(/:/g, '')} : ${Math.round(t.startMs)}, ${Math.round(t.startMs + t.ms)}`
  )
  return mermaid(
    [
      'gantt',
      `    title Stages over time (they overlap)${left > 0 ? `, the longest ${kept.length} of ${bars.length}` : ''}`,
      '    dateFormat x',
      '    axisFormat %M:%S',
      '    section Run',
      ...lines
    ].join('\n')
  )
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

/** Bars of the wasted bytes each layer holds (dive's count), in layer order; '' when nothing is wasted. */
export function wastedChart(
  layers: { number: number; createdBy: string; wastedBytes: number }[],
  imageName: string
): string {
  const wasting = layers.filter(l => l.wastedBytes > 0)
  if (wasting.length === 0) return ''
  const kept =
    wasting.length <= MAX_LAYER_BARS
      ? wasting
      : [...wasting]
          .sort((a, b) => b.wastedBytes - a.wastedBytes)
          .slice(0, MAX_LAYER_BARS)
          .sort((a, b) => a.number - b.number)
  const { unit, divisor } = byteScale(Math.max(...kept.map(l => l.wastedBytes)))
  const labels = kept.map(l => `"${l.number} ${l.createdBy ? mermaidLabel(l.createdBy, 24) : 'base'}"`)
  const values = kept.map(l => round(l.wastedBytes / divisor))
  return mermaid(
    [
      'xychart-beta',
      `    title "Wasted bytes per layer of ${mermaidLabel(imageName, 60)} (${unit})"`,
      `    x-axis [${labels.join(', ')}]`,
      `    y-axis "${unit}" 0 --> ${Math.max(...values) || 1}`,
      `    bar [${values.join(', ')}]`
    ].join('\n')
  )
}
