import type { AuditOptions } from '../config.js'
import type { EngineFacts } from '../engine/check.js'

export interface DriftItem {
  /** A stable field name, e.g. `cgroupVersion`, `securityOptions`; usable in `fail-on-drift`. */
  field: string
  was: string
  now: string
  /** Counted by `fail-on-drift: security`. */
  security: boolean
}

export interface DriftResult {
  /** compared: a baseline was read; missing/unreadable: none could be (see message). */
  status: 'compared' | 'missing' | 'unreadable'
  baseline?: string
  message?: string
  items: DriftItem[]
  /** The items that make the step fail under `fail-on-drift`. */
  failing: DriftItem[]
}

export interface DriftInput {
  facts: EngineFacts
  diskUsage?: Record<string, unknown>
  options: AuditOptions
}

/** Compares engine facts with a baseline report. Replaced by the real implementation in issue 7. */
export async function compareWithBaseline(input: DriftInput): Promise<DriftResult | undefined> {
  if (!input.options.baseline) return undefined
  return {
    status: 'missing',
    baseline: input.options.baseline,
    message: 'drift is not implemented yet',
    items: [],
    failing: []
  }
}
