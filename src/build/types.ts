// Build types shared by the build stage and its progress reader, so neither imports the other's module.

export interface BuildStep {
  /** The Dockerfile instruction as the builder printed it, e.g. `RUN make`. */
  instruction: string
  /** 1-based Dockerfile line, where known. */
  line?: number
  /** true when the builder reported the step as cached. */
  cached?: boolean
}
