// Published ports, as `docker run -p` takes them: "8080:80", "80" (a free host port), "53/udp",
// "127.0.0.1:8080:80". Host ports bind to 127.0.0.1 unless an address is given: smoke containers are
// for this runner only.
import type { PortSpec } from './types.js'

const PORT_MAPPING = /^(?:(?:(\d{1,3}(?:\.\d{1,3}){3}):)?(\d*):)?(\d+)(?:\/(tcp|udp))?$/i

export const PORT_EXPECTED = 'is not a port mapping (expected e.g. "8080:80", "80" or "53/udp")'

/** A PortSpec, or why the text is not one. */
export function parsePortMapping(text: string): PortSpec | string {
  const match = PORT_MAPPING.exec(text.trim())
  if (!match) return PORT_EXPECTED
  const [, hostIp, hostRaw, containerRaw, protocolRaw] = match
  const containerPort = Number(containerRaw)
  if (!validPort(containerPort)) return 'has a container port outside 1-65535'
  const hostPort = hostRaw ? Number(hostRaw) : undefined
  if (hostPort !== undefined && !validPort(hostPort)) return 'has a host port outside 1-65535'
  if (hostIp && hostIp.split('.').some(part => Number(part) > 255)) return 'has an invalid IPv4 address'
  return {
    containerPort,
    hostPort,
    protocol: (protocolRaw?.toLowerCase() ?? 'tcp') as 'tcp' | 'udp',
    ...(hostIp ? { hostIp } : {})
  }
}

function validPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535
}

export function portKey(port: PortSpec): string {
  return `${port.containerPort}/${port.protocol}`
}

/** ExposedPorts and HostConfig.PortBindings for the create call. */
export function portBindings(ports: PortSpec[]): {
  ExposedPorts: Record<string, object>
  PortBindings: Record<string, Array<{ HostIp: string; HostPort: string }>>
} {
  const ExposedPorts: Record<string, object> = {}
  const PortBindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {}
  for (const port of ports) {
    const key = portKey(port)
    ExposedPorts[key] = {}
    const binding = {
      HostIp: port.hostIp ?? '127.0.0.1',
      HostPort: port.hostPort ? String(port.hostPort) : ''
    }
    ;(PortBindings[key] ??= []).push(binding)
  }
  return { ExposedPorts, PortBindings }
}

/** One published port as the engine assigned it (after start). */
export interface PublishedPort {
  containerPort: number
  protocol: 'tcp' | 'udp'
  hostIp: string
  hostPort: number
}

type InspectPorts = Record<string, Array<{ HostIp?: string; HostPort?: string }> | null> | undefined

/** Reads NetworkSettings.Ports from a container inspect. */
export function publishedPorts(ports: InspectPorts): PublishedPort[] {
  const result: PublishedPort[] = []
  for (const [key, bindings] of Object.entries(ports ?? {})) {
    const [port, protocol] = key.split('/')
    for (const binding of bindings ?? []) {
      if (!binding.HostPort) continue
      result.push({
        containerPort: Number(port),
        protocol: protocol === 'udp' ? 'udp' : 'tcp',
        hostIp: binding.HostIp || '127.0.0.1',
        hostPort: Number(binding.HostPort)
      })
    }
  }
  return result
}

/** `127.0.0.1:49153->80/tcp`, as `docker ps` shows it. */
export function describePort(port: PublishedPort): string {
  return `${port.hostIp}:${port.hostPort}->${port.containerPort}/${port.protocol}`
}

/** The address to connect to for a published port (0.0.0.0 and :: mean "any": use loopback). */
export function connectHost(port: PublishedPort): string {
  return port.hostIp === '0.0.0.0' || port.hostIp === ''
    ? '127.0.0.1'
    : port.hostIp === '::'
      ? '::1'
      : port.hostIp
}
