// Finding the `docker compose` v2 plugin the way the docker CLI does (docker/cli
// cli-plugins/manager/manager.go getPluginDirs, manager_unix.go defaultSystemPluginDirs): the config
// file's cliPluginsExtraDirs, then <config dir>/cli-plugins (DOCKER_CONFIG, else ~/.docker), then the
// system directories. The first executable `docker-compose` wins; broken symlinks are skipped.
import { accessSync, constants, readFileSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { PreflightError } from '../errors.js'

/** docker/cli manager_unix.go, in its order. */
export const SYSTEM_PLUGIN_DIRS = [
  '/usr/local/lib/docker/cli-plugins',
  '/usr/local/libexec/docker/cli-plugins',
  '/usr/lib/docker/cli-plugins',
  '/usr/libexec/docker/cli-plugins'
] as const

/** The directories the docker CLI searches for plugins, in its order of preference. */
export function pluginDirs(env: NodeJS.ProcessEnv): string[] {
  const configDir = env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker')
  return [...extraDirs(configDir), join(configDir, 'cli-plugins'), ...SYSTEM_PLUGIN_DIRS]
}

function extraDirs(configDir: string): string[] {
  try {
    const config = JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8')) as {
      cliPluginsExtraDirs?: unknown
    }
    const dirs = config.cliPluginsExtraDirs
    return Array.isArray(dirs) ? dirs.filter((d): d is string => typeof d === 'string') : []
  } catch {
    return [] // no config file, or one the CLI would also fail to read: no extra directories
  }
}

/** The path of the docker-compose plugin, or undefined when none of the directories holds one. */
export function findComposePlugin(env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of pluginDirs(env)) {
    const candidate = join(dir, 'docker-compose')
    try {
      // statSync follows symlinks: a broken one throws, as the CLI skips it.
      if (!statSync(candidate).isFile()) continue
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      continue
    }
  }
  return undefined
}

/** The one error for a missing plugin: where it was looked for and how to get it. */
export function missingPluginError(env: NodeJS.ProcessEnv): PreflightError {
  return new PreflightError(
    `The compose input needs the docker compose v2 plugin, and none was found (looked for docker-compose in ${pluginDirs(env).join(', ')}). ` +
      'GitHub-hosted runners have it; elsewhere install it (Debian/Ubuntu: apt-get install docker-compose-plugin ' +
      'from Docker, or docker-compose from Debian 13+), or put the docker-compose binary from ' +
      'https://github.com/docker/compose/releases in ~/.docker/cli-plugins/ (or $DOCKER_CONFIG/cli-plugins/).'
  )
}
