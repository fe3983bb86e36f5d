// Build types shared by the build stage, its progress reader and the modules that read its result, so
// none of them imports the stage's module for a type.
import type { StageResult } from '../stage.js'
import type { ContextStats } from './context.js'

export interface BuildStep {
  /** The Dockerfile instruction as the builder printed it, e.g. `RUN make`. */
  instruction: string
  /** 1-based Dockerfile line, where known. */
  line?: number
  /** true when the builder reported the step as cached. */
  cached?: boolean
}

export interface BuildFailure {
  message: string
  /** The instruction that failed and its Dockerfile line, when the builder says. */
  instruction?: string
  line?: number
  /** Dockerfile path relative to the workspace, for the annotation. */
  file: string
  /** The last lines of build output (at most 30). */
  tail: string[]
}

/** `problems`: `Build failed: <failure.message>` when it failed. A skipped build has durationMs 0. */
export interface BuildResult extends StageResult<'built' | 'skipped' | 'failed'> {
  /** Why the build was skipped (build: false, no Dockerfile with build: auto). */
  skippedReason?: string
  imageId?: string
  tags: string[]
  sizeBytes?: number
  builder?: 'buildkit' | 'classic'
  steps: BuildStep[]
  failure?: BuildFailure
  /** Number of layers in the image (RootFS). */
  layers?: number
  /** What was sent as the build context. */
  context?: ContextStats
}
