/**
 * The result shape every stage is moving to (issue 13): a status, why it failed in one sentence each,
 * and when it ran. The pipeline takes a stage's problems as they are and draws it on the time chart from
 * its start. Push, structure, efficiency and compose have it; the engine check, build, smoke and drift
 * do not yet (they still carry their own failure shapes, worded in src/pipeline.ts).
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
