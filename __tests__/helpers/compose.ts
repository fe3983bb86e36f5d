import { execFileSync } from 'node:child_process'
import type Docker from 'dockerode'

/**
 * The private DOCKER_CONFIG whose cli-plugins/ holds the docker compose plugin (scripts/compose-plugin.sh
 * links it there, fetching Debian's package when the machine has none). Nothing global changes.
 */
export function composeDockerConfig(): string {
  return execFileSync('bash', ['scripts/compose-plugin.sh'], { encoding: 'utf8' }).trim()
}

/** Everything of a Compose project still on the engine, found by its label, the run's label and its name. */
export async function leftOfProject(docker: Docker, project: string, runId: string): Promise<string[]> {
  const left: string[] = []
  for (const label of [`com.docker.compose.project=${project}`, `io.docker-preflight.run=${runId}`]) {
    const filters = { label: [label] }
    const [containers, networks, volumes] = await Promise.all([
      docker.listContainers({ all: true, filters }),
      docker.listNetworks({ filters }),
      docker.listVolumes({ filters })
    ])
    left.push(...containers.map(c => `container ${c.Names[0]} (${label})`))
    left.push(...networks.map(n => `network ${n.Name} (${label})`))
    left.push(...(volumes.Volumes ?? []).map(v => `volume ${v.Name} (${label})`))
  }
  const byName = { name: [project] }
  const [containers, networks, volumes] = await Promise.all([
    docker.listContainers({ all: true, filters: byName }),
    docker.listNetworks({ filters: byName }),
    docker.listVolumes({ filters: byName })
  ])
  left.push(...containers.map(c => `container ${c.Names[0]} (by name)`))
  left.push(...networks.map(n => `network ${n.Name} (by name)`))
  left.push(...(volumes.Volumes ?? []).map(v => `volume ${v.Name} (by name)`))
  return left
}
