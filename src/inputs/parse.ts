import { existsSync, readFileSync, statSync } from 'node:fs'
import { basename, isAbsolute, join, resolve } from 'node:path'
import { DRIFT_FIELD_NAMES, resolveDriftFieldEntry } from '../audit/fields.js'
import type {
  BuildSecret,
  NamedContext,
  BuildMode,
  BuilderChoice,
  Config,
  DriftPolicy,
  PullPolicy,
  ReportScope,
  RunEnvironment
} from '../config.js'
import { parseHost } from '../engine/endpoint.js'
import { parseCondition, type InfoCondition } from '../engine/require-info.js'
import { PreflightError, errorCode, messageOf } from '../errors.js'
import { parseComposeSmoke } from '../compose/spec.js'
import { parseSmokeList } from '../smoke/spec.js'
import { parseRatio } from './scalars.js'
import { INPUTS } from './definitions.js'
import { ProblemList, formatProblem } from './problems.js'
import { lines, parseDurationMs, parseSize, splitList } from './scalars.js'
import { HUB, ImageReference, isValidTag } from '../image/reference.js'

/** Raw input values by input name, as action.yml or the CLI gave them (missing = the default). */
export type RawInputs = Readonly<Record<string, string | undefined>>

export interface ParseHooks {
  /** Called with every secret value (secrets, secret-files contents, secret-envs values) before parsing. */
  mask?: (value: string) => void
  /** Where secret-envs are read: the environment the runtime gathered. */
  processEnv: NodeJS.ProcessEnv
}

export type ParseOutcome = { ok: true; config: Config } | { ok: false; problems: ProblemList }

/**
 * Validates every input at once. Either a Config, or every problem found: nothing is half-parsed and
 * nothing touches the engine here (except reading files the inputs name). Async because the parsers of
 * YAML inputs load yaml (and tinyglobby) only when such an input is given.
 */
export async function parseInputs(
  raw: RawInputs,
  env: RunEnvironment,
  hooks: ParseHooks
): Promise<ParseOutcome> {
  const problems = new ProblemList()
  const mask = hooks.mask ?? (() => {})
  // Secret values are masked first, before any of them could be quoted by anything.
  for (const def of INPUTS) {
    if (!def.secret) continue
    for (const line of lines(raw[def.name] ?? '')) {
      const eq = line.indexOf('=')
      const value = eq === -1 ? line : line.slice(eq + 1)
      if (value.trim() !== '') mask(value)
    }
  }
  const get = (name: string): string => {
    const value = raw[name]
    if (value !== undefined) return value.trim()
    const def = INPUTS.find(i => i.name === name)
    if (!def) throw new Error(`parseInputs: unknown input ${name}`)
    return def.default
  }

  const bool = (name: string): boolean => {
    const value = get(name).toLowerCase()
    if (['true', 'yes', '1', 'on'].includes(value)) return true
    if (['false', 'no', '0', 'off', ''].includes(value)) return false
    problems.add(name, value, 'is not a boolean (expected true or false)')
    return false
  }

  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T => {
    const value = get(name).toLowerCase()
    if ((allowed as readonly string[]).includes(value)) return value as T
    problems.add(name, value, `is not one of ${allowed.join(', ')}`)
    return allowed[0]!
  }

  const duration = (name: string): number => {
    const value = get(name)
    const ms = parseDurationMs(value)
    if (ms === undefined) problems.add(name, value, 'is not a duration (expected e.g. 30s, 2m, 1m30s)')
    return ms ?? 0
  }

  const wholeNumber = (name: string, min: number): number => {
    const value = get(name)
    const n = Number(value)
    if (!/^\d+$/.test(value) || n < min) problems.add(name, value, `is not a whole number of at least ${min}`)
    return n
  }

  const keyValues = (name: string): Record<string, string> => {
    const result: Record<string, string> = {}
    for (const line of lines(get(name))) {
      const eq = line.indexOf('=')
      if (eq <= 0) {
        problems.add(name, line, 'is not a KEY=VALUE line')
        continue
      }
      result[line.slice(0, eq).trim()] = line.slice(eq + 1)
    }
    return result
  }

  // Engine
  const dockerHost = get('docker-host') || undefined
  if (dockerHost) {
    try {
      parseHost(dockerHost, 'docker-host')
    } catch (error) {
      problems.add('docker-host', dockerHost, messageOf(error).replace(/^docker-host "[^"]*" /, ''))
    }
  }
  const version = (name: string): string | undefined => {
    const value = get(name)
    if (value && !/^\d+(\.\d+){0,2}$/.test(value)) {
      problems.add(name, value, 'is not a version (expected e.g. 20.10 or 1.41)')
    }
    return value || undefined
  }
  const requireInfo: InfoCondition[] = []
  for (const line of lines(get('require-info'))) {
    const parsed = parseCondition(line)
    if (typeof parsed === 'string') problems.add('require-info', line, parsed)
    else requireInfo.push(parsed)
  }

  // Build
  const contextRaw = get('context') || '.'
  const context = resolve(env.workspace, contextRaw)
  const buildMode = oneOf<BuildMode>('build', ['auto', 'true', 'false'])
  if (buildMode !== 'false' && !isDirectory(context)) {
    problems.add('context', contextRaw, `is not a directory (resolved to ${context})`)
  }
  const fileRaw = get('file')
  const file = fileRaw
    ? isAbsolute(fileRaw)
      ? fileRaw
      : resolve(env.workspace, fileRaw)
    : join(context, 'Dockerfile')
  if (buildMode === 'true' && isDirectory(context) && !existsSync(file)) {
    problems.add(
      fileRaw ? 'file' : 'context',
      fileRaw || contextRaw,
      `has no Dockerfile (looked for ${file})`
    )
  }
  const tags = splitList(get('tags'))
  for (const tag of tags) {
    if (!isValidTag(tag)) problems.add('tags', tag, 'is not a valid image reference (e.g. name:tag)')
  }
  const push = bool('push')
  if (push) checkPushTargets(tags, buildMode, problems)
  if (tags.length === 0) tags.push(defaultTag(env))

  const builder = oneOf<BuilderChoice>('builder', ['auto', 'buildkit', 'classic'])
  const secrets = parseSecrets(
    { secrets: get('secrets'), files: get('secret-files'), envs: get('secret-envs') },
    env,
    problems,
    mask,
    hooks.processEnv
  )
  const buildContexts = parseBuildContexts(get('build-contexts'), env, problems)
  const cacheFrom = splitList(get('cache-from'))
  for (const ref of cacheFrom) {
    if (!isValidTag(ref.replace(/@sha256:[0-9a-f]{64}$/, '')))
      problems.add('cache-from', ref, 'is not a valid image reference (e.g. ghcr.io/owner/app:nightly)')
  }
  if (builder === 'classic') {
    if (secrets.length > 0)
      problems.add(
        'builder',
        'classic',
        'cannot take build secrets (secrets, secret-files, secret-envs): they need BuildKit; use builder: auto or buildkit'
      )
    if (buildContexts.length > 0)
      problems.add(
        'builder',
        'classic',
        'cannot take build-contexts: named contexts need BuildKit; use builder: auto or buildkit'
      )
  }

  // Smoke
  const timeoutMs = duration('smoke-timeout')
  const entries = await parseSmokeList(get('smoke'), { timeoutMs }, problems)

  const pullPolicy = oneOf<PullPolicy>('pull-policy', ['missing', 'always', 'never'])

  // Compose
  const composeFiles = splitList(get('compose')).map(file => resolve(env.workspace, file))
  for (const [i, file] of composeFiles.entries()) {
    if (!isFile(file))
      problems.add('compose', splitList(get('compose'))[i]!, `is not a file (resolved to ${file})`)
  }
  const composeTimeoutMs = duration('compose-timeout')
  const composeSmoke = await parseComposeSmoke(
    get('compose-smoke'),
    { timeoutMs: composeTimeoutMs },
    problems
  )
  if (composeFiles.length === 0 && get('compose-smoke') !== '') {
    problems.add('compose-smoke', get('compose-smoke'), 'needs Compose files: set the compose input too')
  }

  // Report
  const maxImageSize = get('max-image-size')
  let maxImageSizeBytes: number | undefined
  if (maxImageSize) {
    const parsed = parseSize(maxImageSize)
    if (parsed === undefined)
      problems.add('max-image-size', maxImageSize, 'is not a size (expected e.g. 250MB, 1.5GiB)')
    maxImageSizeBytes = parsed
  }
  const reportPath = get('report-path')

  // Structure and efficiency
  const structureTests = get('structure-tests')
  // The structure-test file reader (with yaml) is loaded only when there are files to read.
  const structureReader = structureTests ? await import('../structure/files.js') : undefined
  const structureFiles =
    (await structureReader?.parseStructureInput(structureTests, env.workspace, problems)) ?? []
  const structureImage = get('structure-image')
  if (structureImage && !isValidTag(structureImage) && !/^(sha256:)?[0-9a-f]{12,64}$/.test(structureImage)) {
    problems.add(
      'structure-image',
      structureImage,
      'is not an image reference or ID (e.g. app:1.2 or sha256:...)'
    )
  }
  const junitPath = get('junit-path')
  const maxWasted = get('max-wasted-bytes')
  let maxWastedBytes: number | undefined
  if (maxWasted) {
    maxWastedBytes = parseSize(maxWasted)
    if (maxWastedBytes === undefined)
      problems.add('max-wasted-bytes', maxWasted, 'is not a size (expected e.g. 20MB, 1.5GiB)')
  }
  const minEfficiencyText = get('min-efficiency')
  let minEfficiency: number | undefined
  if (minEfficiencyText) {
    minEfficiency = parseRatio(minEfficiencyText)
    if (minEfficiency === undefined) {
      problems.add('min-efficiency', minEfficiencyText, 'is not a ratio (expected e.g. 0.95 or 95%)')
    }
  }

  // Audit
  const baseline = get('baseline')

  const config: Config = {
    engine: {
      dockerHost,
      minDockerVersion: version('min-docker-version'),
      minApiVersion: version('min-api-version'),
      requireInfo
    },
    build: {
      mode: buildMode,
      context,
      file,
      tags,
      buildArgs: keyValues('build-args'),
      target: get('target') || undefined,
      labels: keyValues('labels'),
      noCache: bool('no-cache'),
      pull: bool('pull'),
      platform: get('platform') || undefined,
      builder,
      secrets,
      buildContexts,
      cacheFrom
    },
    smoke: {
      entries,
      timeoutMs,
      parallel: wholeNumber('smoke-parallel', 1),
      pullPolicy,
      cleanup: bool('cleanup')
    },
    compose: {
      files: composeFiles,
      smoke: composeSmoke ?? { services: [], containers: [] },
      timeoutMs: composeTimeoutMs,
      pullPolicy
    },
    report: {
      scope: oneOf<ReportScope>('report-scope', ['run', 'all']),
      path: reportPath
        ? resolve(env.workspace, reportPath)
        : join(env.tempDir, 'docker-preflight-report.json'),
      summary: bool('summary'),
      maxImageSizeBytes
    },
    audit: {
      baseline: baseline ? resolve(env.workspace, baseline) : undefined,
      failOnDrift: parseDriftPolicy(get('fail-on-drift'), problems),
      diskUsage: bool('disk-usage')
    },
    push: { enabled: push },
    structure: {
      files: structureFiles,
      image: structureImage || undefined,
      junitPath: junitPath ? resolve(env.workspace, junitPath) : undefined
    },
    efficiency: {
      enabled: bool('efficiency') || maxWastedBytes !== undefined || minEfficiency !== undefined,
      maxWastedBytes,
      minEfficiency
    },
    cleanupImages: bool('cleanup-images')
  }
  return problems.empty ? { ok: true, config } : { ok: false, problems }
}

/** Throws one PreflightError listing every problem. */
export async function parseInputsOrThrow(
  raw: RawInputs,
  env: RunEnvironment,
  hooks: ParseHooks
): Promise<Config> {
  const outcome = await parseInputs(raw, env, hooks)
  if (outcome.ok) return outcome.config
  const list = outcome.problems.items.map(p => `  - ${formatProblem(p)}`).join('\n')
  throw new PreflightError(
    `${outcome.problems.items.length === 1 ? 'An input is' : `${outcome.problems.items.length} inputs are`} invalid:\n${list}`
  )
}

/** A secret id as BuildKit's `--secret id=` takes it. */
const SECRET_ID = /^[a-zA-Z0-9._-]+$/

/**
 * The three secret inputs, named and shaped as docker/build-push-action's. A secret input's problems
 * quote the line number and the id, never the value.
 */
function parseSecrets(
  text: { secrets: string; files: string; envs: string },
  env: RunEnvironment,
  problems: ProblemList,
  mask: (value: string) => void,
  processEnv: NodeJS.ProcessEnv
): BuildSecret[] {
  const found: BuildSecret[] = []
  const seen = new Map<string, string>()
  const each = (
    input: BuildSecret['input'],
    body: string,
    take: (id: string, rest: string, where: string) => Buffer | undefined
  ) => {
    lines(body).forEach((line, index) => {
      const where = `line ${index + 1}`
      const eq = line.indexOf('=')
      const id = eq > 0 ? line.slice(0, eq).trim() : ''
      if (!id || !SECRET_ID.test(id)) {
        problems.add(
          input,
          input === 'secrets' ? where : line,
          `is not an id=${input === 'secrets' ? 'value' : input === 'secret-files' ? 'path' : 'ENV_NAME'} line with an id of letters, digits, ".", "_" or "-"`
        )
        return
      }
      const previous = seen.get(id)
      if (previous) {
        problems.add(
          input,
          input === 'secrets' ? `${where} (id ${id})` : line,
          `gives secret id "${id}" a second time (first in ${previous})`
        )
        return
      }
      seen.set(id, input)
      const value = take(id, line.slice(eq + 1), where)
      if (value !== undefined) found.push({ id, input, value })
    })
  }
  each('secrets', text.secrets, (_id, rest) => Buffer.from(rest))
  each('secret-files', text.files, (id, rest, where) => {
    const path = resolve(env.workspace, rest.trim())
    try {
      const value = readFileSync(path)
      const content = value.toString('utf8')
      if (content.trim() !== '') {
        mask(content)
        for (const line of content.split(/\r?\n/)) if (line.trim() !== '') mask(line)
      }
      return value
    } catch (error) {
      problems.add(
        'secret-files',
        `${where} (id ${id})`,
        `names ${path}, which cannot be read (${errorCode(error) === 'ENOENT' ? 'no such file' : messageOf(error)})`
      )
      return undefined
    }
  })
  each('secret-envs', text.envs, (id, rest, where) => {
    const name = rest.trim()
    const value = processEnv[name]
    if (value === undefined) {
      problems.add(
        'secret-envs',
        `${where} (id ${id})`,
        `names the environment variable ${name}, which is not set`
      )
      return undefined
    }
    if (value.trim() !== '') mask(value)
    return Buffer.from(value)
  })
  return found
}

/** `name=path` (a directory, relative to the workspace) or `name=docker-image://ref`, as buildx takes them. */
function parseBuildContexts(text: string, env: RunEnvironment, problems: ProblemList): NamedContext[] {
  const found: NamedContext[] = []
  for (const line of lines(text)) {
    const eq = line.indexOf('=')
    const name = eq > 0 ? line.slice(0, eq).trim() : ''
    const source = eq > 0 ? line.slice(eq + 1).trim() : ''
    if (!name || !source) {
      problems.add('build-contexts', line, 'is not a name=path line')
      continue
    }
    if (!/^[a-z0-9][a-z0-9._/:@-]*$/i.test(name)) {
      problems.add('build-contexts', line, `names the context "${name}", which is not a stage or image name`)
      continue
    }
    if (found.some(c => c.name === name)) {
      problems.add('build-contexts', line, `names the context "${name}" a second time`)
      continue
    }
    if (source.startsWith('docker-image://')) {
      const ref = source.slice('docker-image://'.length)
      if (!isValidTag(ref.replace(/@sha256:[0-9a-f]{64}$/, '')))
        problems.add('build-contexts', line, 'names an image that is not a valid reference')
      else found.push({ name, kind: 'image', source: ref })
      continue
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
      problems.add(
        'build-contexts',
        line,
        'uses a source this action does not support (a directory or docker-image://ref)'
      )
      continue
    }
    const dir = resolve(env.workspace, source)
    if (!isDirectory(dir)) problems.add('build-contexts', line, `names ${dir}, which is not a directory`)
    else found.push({ name, kind: 'local', source: dir })
  }
  return found
}

/** `none`, `security`, `any`, or a list of drift field and group names (src/audit/fields.ts). */
function parseDriftPolicy(text: string, problems: ProblemList): DriftPolicy {
  const items = splitList(text.toLowerCase())
  if (items.length === 0 || (items.length === 1 && items[0] === 'none')) return { kind: 'none' }
  if (items.length === 1 && items[0] === 'security') return { kind: 'security' }
  if (items.length === 1 && items[0] === 'any') return { kind: 'any' }
  // Field names (any case) or group names (`security`, `disk`, ...); see src/audit/fields.ts.
  const fields = new Set<string>()
  for (const item of items) {
    const resolved = resolveDriftFieldEntry(item)
    if (resolved) resolved.forEach(f => fields.add(f))
    else {
      problems.add(
        'fail-on-drift',
        item,
        `is not a drift field (expected none, security, any, or a list of: ${DRIFT_FIELD_NAMES.join(', ')})`
      )
    }
  }
  return { kind: 'fields', fields: [...fields] }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** docker-preflight/<repository name>:<short sha>, or :local outside Actions. */
export function defaultTag(env: RunEnvironment): string {
  const repoName = (env.repository ? basename(env.repository) : basename(env.workspace)).toLowerCase()
  const name = repoName.replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'image'
  const tag = env.actions && env.sha ? env.sha.slice(0, 7) : 'local'
  return `docker-preflight/${name}:${tag}`
}

/**
 * With push: true, every tag must name a place the user can push to. The default tag
 * (docker-preflight/<repo>:<sha>) would go to someone else's Docker Hub account, and a one-part name
 * (`app:1`) to Docker Hub's official-images namespace (library/), which no user can push to.
 */
function checkPushTargets(tags: string[], buildMode: BuildMode, problems: ProblemList): void {
  if (buildMode === 'false') problems.add('push', 'true', 'needs a build, and build is false')
  if (tags.length === 0) {
    problems.add('push', 'true', 'needs `tags` naming where to push (e.g. ghcr.io/owner/app:1.0)')
  }
  for (const tag of tags) {
    const ref = ImageReference.parse(tag)
    if (ref?.registry === HUB && ref.path.startsWith('library/')) {
      problems.add(
        'tags',
        tag,
        `cannot be pushed: it names Docker Hub's official images (docker.io/${ref.path}); name a registry (ghcr.io/owner/app) or a Docker Hub account (account/app)`
      )
    }
  }
}
