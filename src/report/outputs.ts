import type { RunResult } from '../pipeline.js'

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
    outputs['image-size'] = run.build.sizeBytes !== undefined ? String(run.build.sizeBytes) : ''
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
    outputs['images'] = JSON.stringify(run.inventory.images)
    outputs['containers'] = JSON.stringify(run.inventory.containers)
  }
  if (run.drift) outputs['drift'] = JSON.stringify(run.drift.items)
  if (reportPath) outputs['report'] = reportPath
  return outputs
}
