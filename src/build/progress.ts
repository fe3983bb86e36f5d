// Turns build events into a compact log and into facts: the steps (with cached flags and Dockerfile
// lines), the image ID, the error, the step that failed, and what the classic builder left on the
// engine. Every line written here is untrusted (it is the build's output) and goes to one
// UntrustedBlock; the last lines are kept for the failure summary.

import type { UntrustedBlock } from '../log/log.js'
import type { BuildStep } from './types.js'
import { locateClassicStep, locateVertex, parseVertexName, type ParsedDockerfile } from './dockerfile.js'
import { LineSplitter } from '../lines.js'
import { formatBytes } from '../format.js'
import type { BuildEvent, BuildKitStatus } from './events.js'

export const TAIL_LINES = 30
const HEARTBEAT_MS = 5_000

// BuildKit bookkeeping vertices that say nothing to a developer.
const QUIET_VERTICES = [
  /^\[internal\] load remote build context$/,
  /^copy \/context \/$/,
  /^\[internal\] load (build definition|\.dockerignore)/
]

interface VertexState {
  name: string
  announced: boolean
  cachedShown: boolean
  step?: BuildStep
}

interface PullState {
  phase: string
  current?: number
  total?: number
}

export class BuildProgress {
  readonly steps: BuildStep[] = []
  /** The image the build produced (the last one reported: classic reports one per stage). */
  imageId?: string
  /** The engine's error message, when the build failed. */
  error?: string
  /** The step that failed, when the builder says which. */
  failedStep?: BuildStep
  /** Classic builder: containers it started and intermediate images it created during this build. */
  readonly classicContainers = new Set<string>()
  readonly classicImages: string[] = []

  private readonly tailLines: string[] = []
  private readonly classicText = new LineSplitter()
  private currentClassicStep?: BuildStep
  private classicStepReusesImage = false
  private readonly vertices = new Map<string, VertexState>()
  private readonly vertexText = new Map<string, LineSplitter>()
  private lastLogVertex?: string
  private readonly vertexErrors = new Set<string>()
  private readonly pulls = new Map<string, PullState>()
  private readonly statusPhases = new Map<string, string>()
  private lastWriteAt: number

  constructor(
    private readonly out: UntrustedBlock,
    private dockerfile: ParsedDockerfile,
    private readonly now: () => number = Date.now
  ) {
    this.lastWriteAt = now()
  }

  /** The Dockerfile, once parsed, when the build was started before it was (BuildKit: see build.ts). */
  useDockerfile(dockerfile: ParsedDockerfile): void {
    this.dockerfile = dockerfile
  }

  handle(event: BuildEvent): void {
    switch (event.kind) {
      case 'stream':
        for (const line of this.classicText.push(event.text)) this.classicLine(line)
        break
      case 'pull':
        this.pullEvent(event)
        break
      case 'image':
        this.imageId = event.id
        break
      case 'trace':
        this.trace(event.status)
        break
      case 'error':
        this.flush()
        this.error = event.message
        if (!this.failedStep && this.currentClassicStep) this.failedStep = this.currentClassicStep
        // BuildKit reports the failing vertex's error, then the same words as the build's error.
        if (!this.vertexErrors.has(event.message)) this.write(`ERROR: ${event.message}`)
        break
      case 'text':
        this.write(event.text)
        break
    }
  }

  /** Writes what is still buffered (a last line without a newline). */
  flush(): void {
    for (const line of this.classicText.end()) this.classicLine(line)
    for (const [vertex, splitter] of this.vertexText) {
      for (const line of splitter.end()) this.logLine(vertex, line)
    }
  }

  /** The last lines written (at most 30). */
  tail(): string[] {
    return [...this.tailLines]
  }

  private write(line: string): void {
    const clean = line.replace(/\r$/, '')
    this.out.write(clean)
    this.lastWriteAt = this.now()
    for (const piece of clean.split(/\r?\n|\r/)) {
      this.tailLines.push(piece)
      if (this.tailLines.length > TAIL_LINES) this.tailLines.shift()
    }
  }

  // Classic builder ---------------------------------------------------------------------------------

  private classicLine(line: string): void {
    const step = /^Step (\d+)\/(\d+) : (.*)$/.exec(line)
    if (step) {
      const text = step[3]!
      const instruction = locateClassicStep(this.dockerfile, Number(step[1]), text)
      const from = /^FROM\s/i.test(text)
      // The classic builder says "Using cache" or nothing; for FROM it has nothing to say.
      this.currentClassicStep = {
        instruction: text,
        line: instruction?.line,
        cached: from ? undefined : false
      }
      // A FROM step prints the base image's ID, which this build did not create.
      this.classicStepReusesImage = from
      // LABEL steps the builder made up for the `labels` option are not the Dockerfile's steps.
      if (instruction || !/^LABEL\s/i.test(text)) this.steps.push(this.currentClassicStep)
      this.write(line)
      return
    }
    if (line === ' ---> Using cache') {
      if (this.currentClassicStep) this.currentClassicStep.cached = true
      this.classicStepReusesImage = true
      this.write(line)
      return
    }
    const running = /^ ---> Running in ([0-9a-f]+)$/.exec(line)
    if (running) {
      this.classicContainers.add(running[1]!)
      return
    }
    const removed = /^Removing intermediate container ([0-9a-f]+)$/.exec(line)
    if (removed) {
      this.classicContainers.delete(removed[1]!)
      return
    }
    const image = /^ ---> ([0-9a-f]{12,64})$/.exec(line)
    if (image) {
      if (!this.classicStepReusesImage) this.classicImages.push(image[1]!)
      return
    }
    this.write(line)
  }

  // Pulls (classic builder): a line per layer phase change, a heartbeat while bytes move ----------

  private pullEvent(event: { status: string; id?: string; current?: number; total?: number }): void {
    const phase = event.status
    if (!event.id) {
      this.write(phase)
      return
    }
    const state = this.pulls.get(event.id)
    if (!state || state.phase !== phase) {
      this.pulls.set(event.id, { phase, current: event.current, total: event.total })
      this.write(`${event.id}: ${phase}`)
      return
    }
    state.current = event.current ?? state.current
    state.total = event.total ?? state.total
    this.heartbeat()
  }

  private heartbeat(): void {
    if (this.now() - this.lastWriteAt < HEARTBEAT_MS) return
    const moving = [...this.pulls.entries()].filter(([, s]) => s.total && s.current !== undefined)
    if (moving.length === 0) return
    const parts = moving.map(
      ([id, s]) => `${id} ${s.phase.toLowerCase()} ${formatBytes(s.current!)}/${formatBytes(s.total!)}`
    )
    this.write(`… ${parts.join(', ')}`)
  }

  // BuildKit -------------------------------------------------------------------------------------

  private trace(status: BuildKitStatus): void {
    for (const vertex of status.vertexes) {
      let state = this.vertices.get(vertex.digest)
      if (!state) {
        state = { name: vertex.name, announced: false, cachedShown: false }
        const parsed = parseVertexName(vertex.name)
        if (parsed) {
          state.step = { instruction: parsed.text, line: locateVertex(this.dockerfile, vertex.name)?.line }
          this.steps.push(state.step)
        }
        this.vertices.set(vertex.digest, state)
      }
      const quiet = QUIET_VERTICES.some(re => re.test(vertex.name))
      if (state.step) state.step.cached = vertex.cached || (state.step.cached ?? false)
      if (vertex.cached && !state.cachedShown && !quiet) {
        state.cachedShown = true
        state.announced = true
        this.lastLogVertex = vertex.digest
        this.write(`${vertex.name}: cached`)
      } else if (vertex.started && !vertex.cached && !state.announced && !quiet) {
        state.announced = true
        this.lastLogVertex = vertex.digest
        this.write(vertex.name)
      }
      if (vertex.error) {
        if (state.step && !this.failedStep) this.failedStep = state.step
        if (!this.vertexErrors.has(vertex.error)) this.write(`ERROR: ${vertex.name}: ${vertex.error}`)
        this.vertexErrors.add(vertex.error)
      }
    }
    for (const log of status.logs) {
      let splitter = this.vertexText.get(log.vertex)
      if (!splitter) this.vertexText.set(log.vertex, (splitter = new LineSplitter()))
      for (const line of splitter.push(log.text)) this.logLine(log.vertex, line)
    }
    for (const s of status.statuses) {
      // Layers being pulled, the export, the naming: a line when each starts and when its phase changes.
      const phase = s.completed ? 'done' : s.name || 'started'
      const previous = this.statusPhases.get(s.id)
      this.statusPhases.set(s.id, phase)
      if (s.completed) this.pulls.delete(s.id)
      else if (s.total > 0)
        this.pulls.set(s.id, { phase: s.name || 'downloading', current: s.current, total: s.total })
      // Steps without a byte count (exporting, naming) get one line, when done.
      if (s.total === 0 && previous === undefined && !s.completed) continue
      if (previous === undefined)
        this.write(s.completed ? `${s.id}: done` : `${s.id} (${formatBytes(s.total)})`)
      else if (previous !== phase) this.write(`${s.id}: ${phase}`)
    }
    if (status.statuses.length > 0) this.heartbeat()
    for (const warning of status.warnings) this.write(`WARNING: ${warning.trim()}`)
  }

  private logLine(vertex: string, line: string): void {
    // Output of steps running in parallel interleaves: name the step whenever the speaker changes.
    if (this.lastLogVertex !== vertex) {
      const name = this.vertices.get(vertex)?.name
      if (name) this.write(name)
      this.lastLogVertex = vertex
    }
    this.write(line)
  }
}
