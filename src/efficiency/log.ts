import { formatBytes, formatPercent } from '../format.js'
import type { Log } from '../log/log.js'
import type { EfficiencyResult } from './efficiency.js'

/** The figures as a line; the wasted paths (names from the image: untrusted) in a guarded block. */
export function logEfficiency(result: EfficiencyResult, log: Log): void {
  if (result.efficiency === undefined) {
    for (const problem of result.problems) log.warning(problem)
    return
  }
  log.info(
    `Efficiency of ${result.image}: ${formatPercent(result.efficiency)} (dive's score), ${formatBytes(result.wastedBytes)} wasted of ${formatBytes(result.sizeBytes)}`
  )
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
