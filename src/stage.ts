/**
 * The result shape every stage returns (issue 13): a status, why it failed in one sentence each, and when
 * it ran. Each stage's result extends it with what only that stage knows. The pipeline takes a stage's
 * problems as they are (the step's `failures` are every stage's problems, in stage order) and draws the
 * stage on the time chart from its start; it never words a stage's failure itself.
 */
export interface StageResult<Status extends string = string> {
  status: Status
  /** Why the stage failed, one sentence each; empty when it passed. */
  problems: string[]
  /** ISO 8601. */
  startedAt: string
  /** ISO 8601. */
  finishedAt: string
  durationMs: number
}

export type StageTimes = Pick<StageResult, 'startedAt' | 'finishedAt' | 'durationMs'>

/** The times of a stage that started at `started` (epoch ms) and ends at `finished` (default: now). */
export function stageTimes(started: number, finished = Date.now()): StageTimes {
  return {
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date(finished).toISOString(),
    durationMs: finished - started
  }
}

/** The step's failures: every stage's problems, in the order given (stages that did not run are skipped). */
export function problemsOf(...stages: (StageResult | undefined)[]): string[] {
  return stages.flatMap(stage => stage?.problems ?? [])
}
