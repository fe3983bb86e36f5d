// The smoke stage's types, apart from the modules that parse and run them so each can import them.

export interface PortSpec {
  /** undefined: a free host port on 127.0.0.1 */
  hostPort?: number
  containerPort: number
  protocol: 'tcp' | 'udp'
  /** The host address to bind; undefined: 127.0.0.1. */
  hostIp?: string
}

export type ReadySpec =
  | {
      kind: 'http'
      /** A path (`/health`, on the published port) or a full URL. */
      target: string
      /** For a path: the container port whose published host port is asked (the first TCP port). */
      containerPort?: number
    }
  | { kind: 'port'; port: number }
  | { kind: 'log'; pattern: RegExp }
  | { kind: 'healthy' }

export interface SmokeSpec {
  name: string
  /** undefined: the image this run built. */
  image?: string
  command?: string[]
  entrypoint?: string[]
  env: Record<string, string>
  user?: string
  workdir?: string
  ports: PortSpec[]
  expectExitCode: number
  expectOutput?: RegExp
  rejectOutput?: RegExp
  timeoutMs: number
  ready?: ReadySpec
  /**
   * Only for the default entry of a built image with neither HEALTHCHECK nor EXPOSE: it passes when it
   * exits with expectExitCode, or is still running after this long.
   */
  settleMs?: number
  /**
   * Only for the default entry of a built image: `ready` and `settleMs` were chosen from the image's
   * inspect, and a HEALTHCHECK in the created container's config (what the engine runs) overrides them.
   * Podman 4.3's image inspect leaves HEALTHCHECK out though its containers run it.
   */
  readyFromImage?: true
  /**
   * Only for the default hello-world entry when the built image's default entry runs in the same run:
   * hello-world needs no network, and the built image's container exercises the engine's default one.
   */
  networkMode?: 'none'
}

export interface SmokeContainerResult {
  name: string
  image: string
  passed: boolean
  /** undefined when the container never exited (killed at its timeout, or stopped once ready). */
  exitCode?: number
  durationMs: number
  /** When the entry started (ISO), for the time chart. */
  startedAt?: string
  /** Why it passed or failed, in a sentence. */
  reason: string
  /** The last part of the combined output (bounded). */
  outputTail: string
  /** True when the tail is not the whole output. */
  outputTruncated: boolean
  /** What the smoke stage recorded of the container, so the report shows it after removal. */
  container?: {
    id: string
    name: string
    command: string
    created: string
    state: string
    ports: string[]
    removed: boolean
  }
}
