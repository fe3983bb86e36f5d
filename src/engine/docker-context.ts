// The docker CLI's configuration and context store, read as the CLI reads them (docker/cli:
// cli/config/config.go, cli/command/cli.go resolveContextName, cli/context/store/{metadatastore,tlsstore}.go).
// Node built-ins only: the entry resolves the endpoint before the heavy modules load.
import { readdirSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { PreflightError } from '../errors.js'
import { nodeCrypto } from '../ids.js'

/** The context the CLI reserves for "DOCKER_HOST, else the default socket"; it is never stored. */
export const DEFAULT_CONTEXT = 'default'

/** The CLI's configuration folder: DOCKER_CONFIG, else ~/.docker. */
export function dockerConfigDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker')
}

/** The context a docker command would use, and what named it; undefined when nothing names one. */
export interface SelectedContext {
  name: string
  /** The DOCKER_CONTEXT variable, or `currentContext` in the CLI's config.json (`docker context use`). */
  from: 'DOCKER_CONTEXT' | 'config.json'
  configFile: string
}

/**
 * DOCKER_CONTEXT, else `currentContext` in $DOCKER_CONFIG/config.json. A config.json that cannot be read
 * is skipped with a note, as the CLI skips it with a warning.
 */
export function selectedContext(env: NodeJS.ProcessEnv, notes: string[]): SelectedContext | undefined {
  const configFile = join(dockerConfigDir(env), 'config.json')
  if (env.DOCKER_CONTEXT) return { name: env.DOCKER_CONTEXT, from: 'DOCKER_CONTEXT', configFile }
  let text: string
  try {
    text = readFileSync(configFile, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      notes.push(`Could not read ${configFile} (${(error as Error).message}); using no docker context.`)
    }
    return undefined
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    notes.push(`${configFile} is not valid JSON (${(error as Error).message}); using no docker context.`)
    return undefined
  }
  // Go's encoding/json matches keys case-insensitively.
  const name = field(parsed, 'currentContext')
  return typeof name === 'string' && name !== '' ? { name, from: 'config.json', configFile } : undefined
}

/** How a person reads where the context came from: "context `ci-tls` (DOCKER_CONTEXT)". */
export function describeContext(context: SelectedContext): string {
  return context.from === 'DOCKER_CONTEXT'
    ? `context \`${context.name}\` (DOCKER_CONTEXT)`
    : `context \`${context.name}\` (currentContext in ${context.configFile})`
}

/** A stored context's docker endpoint and its TLS files, as `docker context inspect` shows them. */
export interface StoredContext {
  name: string
  metaFile: string
  /** The endpoint's Host; empty means the CLI's default (unix:///var/run/docker.sock). */
  host: string
  skipTlsVerify: boolean
  /** contexts/tls/<id>/docker, when the context has TLS material (the folder exists). */
  tlsDir?: string
  /** Which of ca.pem, cert.pem, key.pem are in tlsDir. */
  tlsFiles: Set<string>
}

/** The store's folder name for a context: the SHA-256 of its name (go-digest FromString().Encoded()). */
export function contextId(name: string): string {
  // node:crypto only when a docker context is in use (src/ids.ts says why it is not loaded otherwise).
  return nodeCrypto().createHash('sha256').update(name).digest('hex')
}

/**
 * Reads a stored context. Throws a PreflightError naming the context, what named it, and the file when
 * the context does not exist, cannot be parsed, or has no docker endpoint.
 */
export function readStoredContext(env: NodeJS.ProcessEnv, selected: SelectedContext): StoredContext {
  const root = join(dockerConfigDir(env), 'contexts')
  const id = contextId(selected.name)
  const metaFile = join(root, 'meta', id, 'meta.json')
  const which = describeContext(selected)
  let text: string
  try {
    text = readFileSync(metaFile, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PreflightError(
        `The docker ${which} does not exist: there is no ${metaFile}. ` +
          '`docker context ls` lists the contexts; set docker-host or DOCKER_HOST to use an address instead.'
      )
    }
    throw new PreflightError(`Cannot read the docker ${which}: ${(error as Error).message}`)
  }
  let meta: unknown
  try {
    meta = JSON.parse(text)
  } catch (error) {
    throw new PreflightError(
      `The docker ${which} cannot be used: ${metaFile} is not valid JSON (${(error as Error).message})`
    )
  }
  const docker = field(field(meta, 'Endpoints'), 'docker')
  if (typeof docker !== 'object' || docker === null) {
    throw new PreflightError(`The docker ${which} cannot be used: ${metaFile} has no docker endpoint`)
  }
  const host = field(docker, 'Host')
  const tlsDir = join(root, 'tls', id, 'docker')
  let tlsFiles: Set<string> | undefined
  try {
    tlsFiles = new Set(readdirSync(tlsDir))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new PreflightError(
        `Cannot read the TLS files of the docker ${which}: ${(error as Error).message}`
      )
    }
  }
  return {
    name: selected.name,
    metaFile,
    host: typeof host === 'string' ? host : '',
    skipTlsVerify: field(docker, 'SkipTLSVerify') === true,
    tlsDir: tlsFiles ? tlsDir : undefined,
    tlsFiles: tlsFiles ?? new Set()
  }
}

/** A JSON object's field, its key matched case-insensitively as Go's encoding/json does. */
function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const record = value as Record<string, unknown>
  if (key in record) return record[key]
  const lower = key.toLowerCase()
  const found = Object.keys(record).find(k => k.toLowerCase() === lower)
  return found === undefined ? undefined : record[found]
}
