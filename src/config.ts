// The typed, validated configuration every stage receives. Built from raw strings (action inputs or CLI
// flags) by inputs/parse.ts; nothing downstream ever reads a raw input.

import type { StructureFile } from './structure/spec.js'
import type { InfoCondition } from './engine/require-info.js'
import type { ComposeSmoke } from './compose/spec.js'
import type { SmokeSpec } from './smoke/types.js'

export interface EngineOptions {
  /** Explicit endpoint; undefined means DOCKER_HOST, then the default socket. */
  dockerHost?: string
  minDockerVersion?: string
  minApiVersion?: string
  requireInfo: InfoCondition[]
}

export type BuildMode = 'auto' | 'true' | 'false'
export type BuilderChoice = 'auto' | 'buildkit' | 'classic'

export interface BuildOptions {
  mode: BuildMode
  /** Absolute path of the build context. */
  context: string
  /** Absolute path of the Dockerfile. */
  file: string
  tags: string[]
  buildArgs: Record<string, string>
  target?: string
  labels: Record<string, string>
  noCache: boolean
  pull: boolean
  platform?: string
  builder: BuilderChoice
  /** For `RUN --mount=type=secret,id=...` (BuildKit only). Values never reach a log or report. */
  secrets: BuildSecret[]
  /** Named contexts (`COPY --from=name`, `FROM name`), as buildx `--build-context name=path`. */
  buildContexts: NamedContext[]
  /** Images whose layers may serve as cache (`--cache-from`). */
  cacheFrom: string[]
}

export interface BuildSecret {
  id: string
  /** The input it came from, for messages (the value itself is never shown). */
  input: 'secrets' | 'secret-files' | 'secret-envs'
  value: Buffer
}

export interface NamedContext {
  name: string
  /** A local directory (absolute), or an image (`docker-image://ref`). */
  kind: 'local' | 'image'
  /** The absolute directory, or the image reference. */
  source: string
}

export type PullPolicy = 'missing' | 'always' | 'never'

export interface SmokeOptions {
  /** undefined: the defaults (hello-world, and the built image). */
  entries?: SmokeSpec[]
  timeoutMs: number
  parallel: number
  pullPolicy: PullPolicy
  cleanup: boolean
}

export interface ComposeOptions {
  /** Absolute paths of the Compose files, in order; empty: no compose stage. */
  files: string[]
  smoke: ComposeSmoke
  /** How long `up` may take, and each service to be judged (a compose-smoke timeout overrides it). */
  timeoutMs: number
  pullPolicy: PullPolicy
}

export type ReportScope = 'run' | 'all'

export interface ReportOptions {
  scope: ReportScope
  /** Absolute path of the JSON report. */
  path: string
  summary: boolean
  maxImageSizeBytes?: number
}

export type DriftPolicy =
  { kind: 'none' } | { kind: 'security' } | { kind: 'any' } | { kind: 'fields'; fields: string[] }

export interface AuditOptions {
  baseline?: string
  failOnDrift: DriftPolicy
  diskUsage: boolean
}

export interface PushOptions {
  /** Push the built tags once every check passed. */
  enabled: boolean
}

export interface StructureOptions {
  /** Parsed container-structure-test files, in input order; empty: no structure tests. */
  files: StructureFile[]
  /** undefined: the built image. */
  image?: string
  /** Absolute path of the JUnit XML file; undefined: none. */
  junitPath?: string
}

export interface EfficiencyConfig {
  /** Analyse the built image (true when a budget is set). */
  enabled: boolean
  maxWastedBytes?: number
  /** 0..1 */
  minEfficiency?: number
}

export interface Config {
  engine: EngineOptions
  build: BuildOptions
  smoke: SmokeOptions
  compose: ComposeOptions
  report: ReportOptions
  audit: AuditOptions
  push: PushOptions
  structure: StructureOptions
  efficiency: EfficiencyConfig
  cleanupImages: boolean
}

/** Where the run happens: read once from the environment at the edge, passed down as data. */
export interface RunEnvironment {
  /** True inside a GitHub Actions job. */
  actions: boolean
  /** Directory relative paths are resolved against (GITHUB_WORKSPACE, else the current directory). */
  workspace: string
  /** `owner/name` or undefined outside Actions. */
  repository?: string
  sha?: string
  /** Where temporary files go (RUNNER_TEMP, else the OS temp dir). */
  tempDir: string
  /** Identifies this run on the engine (label `io.docker-preflight.run`). */
  runId: string
}
