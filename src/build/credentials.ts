// Registry credentials for pulling base images, found where the docker CLI finds them:
// $DOCKER_CONFIG/config.json (else ~/.docker/config.json), `credHelpers` per registry, then
// `credsStore`, then inline `auths`. So a workflow that ran docker/login-action can build from a
// private base. Secrets are returned to the caller and never logged.

import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import * as exec from '@actions/exec'

/** As the Engine API takes it (X-Registry-Config entries, BuildKit session answers). */
export interface RegistryAuth {
  serveraddress: string
  username?: string
  password?: string
  identitytoken?: string
}

/** Where the credentials for one registry came from, for a debug line (never the secret). */
export interface FoundCredentials {
  registry: string
  auth: RegistryAuth
  source: string
}

/** Runs `docker-credential-<helper> get`; returns its stdout, or undefined when it fails. */
export type HelperRunner = (helper: string, serverAddress: string) => Promise<string | undefined>

interface DockerConfigFile {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>
  credsStore?: string
  credHelpers?: Record<string, string>
}

const HUB = 'docker.io'
const HUB_SERVER = 'https://index.docker.io/v1/'

/** The registry host of an image reference; `docker.io` for Docker Hub. */
export function registryOf(reference: string): string {
  const slash = reference.indexOf('/')
  if (slash === -1) return HUB
  const first = reference.slice(0, slash)
  if (!first.includes('.') && !first.includes(':') && first !== 'localhost') return HUB
  return ['index.docker.io', 'registry-1.docker.io'].includes(first) ? HUB : first
}

/** An image reference split as `docker push` splits it: the name as written, its registry, its tag. */
export interface ImageReference {
  /** Everything before the tag, as written: `ghcr.io/owner/app`, `app`. */
  name: string
  /** `docker.io` for Docker Hub. */
  registry: string
  /** The repository path inside the registry; Docker Hub's one-part names are under `library/`. */
  path: string
  tag: string
}

export function parseReference(reference: string): ImageReference {
  const at = reference.indexOf('@')
  const bare = at === -1 ? reference : reference.slice(0, at)
  const lastSlash = bare.lastIndexOf('/')
  const colon = bare.lastIndexOf(':')
  const hasTag = colon > lastSlash
  const name = hasTag ? bare.slice(0, colon) : bare
  const registry = registryOf(name)
  const slash = name.indexOf('/')
  const first = slash === -1 ? '' : name.slice(0, slash)
  const explicitHost = slash !== -1 && (first.includes('.') || first.includes(':') || first === 'localhost')
  let path = explicitHost ? name.slice(slash + 1) : name
  if (registry === HUB && !path.includes('/')) path = `library/${path}`
  return { name, registry, path, tag: hasTag ? bare.slice(colon + 1) : 'latest' }
}

/** The directory the docker CLI reads config.json from. */
export function dockerConfigDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker')
}

/**
 * Credentials for each registry that has some configured. Registries with none are left out (anonymous
 * pulls). A missing or unreadable config.json means no credentials; a helper that fails is skipped.
 */
export async function findCredentials(
  registries: string[],
  env: NodeJS.ProcessEnv,
  runHelper: HelperRunner = runCredentialHelper
): Promise<FoundCredentials[]> {
  const config = await readConfig(join(dockerConfigDir(env), 'config.json'))
  if (!config) return []
  const found: FoundCredentials[] = []
  for (const registry of [...new Set(registries)]) {
    const serverAddress = registry === HUB ? HUB_SERVER : registry
    const helper = lookup(config.credHelpers, registry)?.[1] ?? config.credsStore
    if (helper) {
      const auth = parseHelperOutput(await runHelper(helper, serverAddress), serverAddress)
      if (auth) {
        found.push({ registry, auth, source: `docker-credential-${helper}` })
        continue
      }
    }
    const entry = lookup(config.auths, registry)
    if (entry) {
      const auth = fromAuthsEntry(entry[1], serverAddress)
      if (auth) found.push({ registry, auth, source: `auths["${entry[0]}"] in config.json` })
    }
  }
  return found
}

/** The X-Registry-Config value for the classic builder: credentials keyed by registry. */
export function registryConfig(found: FoundCredentials[]): Record<string, RegistryAuth> {
  return Object.fromEntries(found.map(f => [f.auth.serveraddress, f.auth]))
}

async function readConfig(path: string): Promise<DockerConfigFile | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as DockerConfigFile
  } catch {
    return undefined
  }
}

/** A config entry for the registry: keys may be bare hosts or URLs (`https://index.docker.io/v1/`). */
function lookup<T>(map: Record<string, T> | undefined, registry: string): [string, T] | undefined {
  if (!map) return undefined
  return Object.entries(map).find(([key]) => hostOf(key) === registry)
}

function hostOf(key: string): string {
  const host = key
    .replace(/^[a-z]+:\/\//i, '')
    .split('/')[0]!
    .toLowerCase()
  return ['index.docker.io', 'registry-1.docker.io', 'docker.io'].includes(host) ? HUB : host
}

function fromAuthsEntry(
  entry: { auth?: string; username?: string; password?: string; identitytoken?: string },
  serveraddress: string
): RegistryAuth | undefined {
  if (entry.identitytoken)
    return { serveraddress, username: entry.username, identitytoken: entry.identitytoken }
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon > 0)
      return { serveraddress, username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
  }
  if (entry.username && entry.password)
    return { serveraddress, username: entry.username, password: entry.password }
  return undefined
}

/** Helper protocol: `{"ServerURL": ..., "Username": ..., "Secret": ...}`; Username `<token>` = identity token. */
function parseHelperOutput(output: string | undefined, serveraddress: string): RegistryAuth | undefined {
  if (!output) return undefined
  try {
    const parsed = JSON.parse(output) as { Username?: string; Secret?: string }
    if (!parsed.Secret) return undefined
    if (parsed.Username === '<token>') return { serveraddress, identitytoken: parsed.Secret }
    return { serveraddress, username: parsed.Username, password: parsed.Secret }
  } catch {
    return undefined
  }
}

export const runCredentialHelper: HelperRunner = async (helper, serverAddress) => {
  try {
    const result = await exec.getExecOutput(`docker-credential-${helper}`, ['get'], {
      input: Buffer.from(serverAddress),
      silent: true,
      ignoreReturnCode: true
    })
    return result.exitCode === 0 ? result.stdout : undefined
  } catch {
    return undefined // helper not installed
  }
}
