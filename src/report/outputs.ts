import type { RunResult } from '../pipeline.js'
import { builtImageSize } from '../inventory/image-size.js'

/** An output the runner must carry; the report file has everything, however large. */
export const OUTPUT_LIMIT_BYTES = 900 * 1024

/** The step outputs, derived from the run alone. Every value is a string, as the runner wants. */
export function stepOutputs(run: RunResult, reportPath?: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const facts = run.engine?.facts
  if (facts) {
    outputs['docker-version'] = facts.serverVersion
    outputs['api-version'] = facts.apiVersion
    outputs['client-version'] = facts.clientVersion ?? ''
    outputs['info'] = JSON.stringify(facts.info)
  }
  if (run.build) {
    outputs['image-id'] = run.build.imageId ?? ''
    outputs['image-tags'] = run.build.status === 'built' ? run.build.tags.join(',') : ''
    // The same number as the summary and max-image-size: see inventory/image-size.ts.
    const size = builtImageSize(run.build, run.inventory)
    outputs['image-size'] = size !== undefined ? String(size) : ''
    outputs['build-duration'] = run.build.status === 'skipped' ? '' : String(run.build.durationMs)
  }
  if (run.smoke) {
    outputs['smoke-passed'] = String(run.smoke.passed)
    outputs['smoke-results'] = JSON.stringify(
      run.smoke.results.map(r => ({
        name: r.name,
        image: r.image,
        passed: r.passed,
        exitCode: r.exitCode ?? null,
        durationMs: r.durationMs,
        reason: r.reason
      }))
    )
  }
  if (run.inventory) {
    outputs['images'] = boundedJsonArray(run.inventory.images)
    outputs['containers'] = boundedJsonArray(run.inventory.containers)
  }
  if (run.drift) outputs['drift'] = JSON.stringify(run.drift.items)
  if (run.push) {
    outputs['digest'] = run.push.digest ?? ''
    outputs['pushed-tags'] = run.push.pushed.map(p => p.tag).join(',')
  }
  if (run.structure) outputs['structure-passed'] = String(run.structure.status === 'passed')
  if (run.efficiency?.efficiency !== undefined) {
    outputs['wasted-bytes'] = String(run.efficiency.wastedBytes ?? 0)
    outputs['efficiency'] = String(run.efficiency.efficiency)
  }
  if (reportPath) outputs['report'] = reportPath
  return outputs
}

/**
 * A JSON array of as many leading items as fit OUTPUT_LIMIT_BYTES (always valid JSON). Only an engine with
 * many thousands of images reaches the limit; the JSON report lists them all.
 */
export function boundedJsonArray(items: unknown[], limit = OUTPUT_LIMIT_BYTES): string {
  const whole = JSON.stringify(items)
  if (Buffer.byteLength(whole) <= limit) return whole
  const parts: string[] = []
  let bytes = 2
  for (const item of items) {
    const json = JSON.stringify(item)
    const size = Buffer.byteLength(json) + 1
    if (bytes + size > limit) break
    parts.push(json)
    bytes += size
  }
  return `[${parts.join(',')}]`
}
