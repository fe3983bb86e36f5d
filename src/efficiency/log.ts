import { formatBytes, formatPercent } from '../format.js'
import type { Log } from '../log/log.js'
import type { EfficiencyResult } from './efficiency.js'

/** The figures as a line; the wasted paths (names from the image: untrusted) in a guarded block. */
export function logEfficiency(result: EfficiencyResult, log: Log, dockerfile?: string): void {
  if (result.efficiency === undefined) {
    for (const problem of result.problems) log.warning(problem)
    return
  }
  log.info(
    `Efficiency of ${result.image}: ${formatPercent(result.efficiency)} (dive's score), ${formatBytes(result.wastedBytes)} wasted of ${formatBytes(result.sizeBytes)}`
  )
  // Over a budget: the red mark goes on the Dockerfile line whose layer holds the most wasted bytes.
  const worst = [...result.layers].sort((a, b) => b.wastedBytes - a.wastedBytes)[0]
  if (
    result.status === 'failed' &&
    worst &&
    worst.wastedBytes > 0 &&
    worst.line !== undefined &&
    dockerfile
  ) {
    log.warning(
      `Layer ${worst.number} holds ${formatBytes(worst.wastedBytes)} of the ${formatBytes(result.wastedBytes)} wasted: files it writes are written again or removed in another layer`,
      { title: 'Wasted bytes', file: dockerfile, startLine: worst.line }
    )
  }
  if (result.largest.length === 0) return
  const block = log.untrusted(`Largest wasted paths (${result.largest.length})`)
  try {
    for (const path of result.largest) {
      const layers = path.layers.map(l => `${l.number}${l.removed ? ' (removed)' : ''}`).join(', ')
      block.write(`${formatBytes(path.wastedBytes)} ${path.path} in layers ${layers}\n`)
    }
  } finally {
    block.close()
  }
}
