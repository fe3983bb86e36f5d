// Registry credentials for pulling base images, found where the docker CLI finds them:
// $DOCKER_CONFIG/config.json (else ~/.docker/config.json), `credHelpers` per registry, then
// `credsStore`, then inline `auths`. So a workflow that ran docker/login-action can build from a
// private base. Secrets are returned to the caller and never logged.

import { readFile } from '../fs-async.js'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { HUB, ImageReference } from '../image/reference.js'

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

const HUB_SERVER = 'https://index.docker.io/v1/'

/** The registry host of an image reference; `docker.io` for Docker Hub (and for what is not a reference). */
export function registryOf(reference: string): string {
  return ImageReference.parse(reference)?.registry ?? HUB
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

/**
 * Credentials looked up when a builder asks for a registry's (BuildKit, over its session), once per
 * registry; `onFound` hears of each registry that has some (for a debug line, never the secret).
 */
export function credentialsOnDemand(
  env: NodeJS.ProcessEnv,
  onFound: (found: FoundCredentials) => void,
  runHelper: HelperRunner = runCredentialHelper
): (registry: string) => Promise<RegistryAuth | undefined> {
  const asked = new Map<string, Promise<RegistryAuth | undefined>>()
  return registry => {
    let answer = asked.get(registry)
    if (!answer) {
      answer = findCredentials([registry], env, runHelper).then(([found]) => {
        if (found) onFound(found)
        return found?.auth
      })
      asked.set(registry, answer)
    }
    return answer
  }
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
    // Loaded only when a credential helper is configured.
    const { getExecOutput } = await import('@actions/exec')
    const result = await getExecOutput(`docker-credential-${helper}`, ['get'], {
      input: Buffer.from(serverAddress),
      silent: true,
      ignoreReturnCode: true
    })
    return result.exitCode === 0 ? result.stdout : undefined
  } catch {
    return undefined // helper not installed
  }
}
