// The resolved Compose model, from `docker compose config --format json` (compose merges the files,
// interpolates variables and fills defaults: the same project `up` runs). Only what judging and the
// report need is kept. Where a service is defined is looked up in the files themselves.
import { readFileSync } from 'node:fs'
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml'

export interface ServiceDependency {
  service: string
  /** service_started, service_healthy or service_completed_successfully. */
  condition: string
  required: boolean
}

export interface ServicePort {
  /** The container port. */
  target: number
  protocol: string
  /** As written: "8080", "127.0.0.1:8080", or undefined (any free port). */
  published?: string
  hostIp?: string
}

export interface ComposeService {
  name: string
  /** The image as configured; a service with only `build:` gets one named by Compose. */
  image?: string
  build: boolean
  /** `no` (Compose's default), `always`, `on-failure[:n]`, `unless-stopped`. */
  restart: string
  dependsOn: ServiceDependency[]
  /** True when a healthcheck is configured and not disabled. */
  healthcheck: boolean
  ports: ServicePort[]
  /** How many containers (`scale`/`deploy.replicas`); 0 services are not started. */
  scale: number
  /** Where the service is defined: the first file that names it. */
  definedAt?: { file: string; line: number }
}

export interface ComposeModel {
  name: string
  services: ComposeService[]
  /** The name of the project's default network, when it has one (extra containers join it). */
  defaultNetwork?: string
  /** Keys of the named volumes and networks the project creates (external ones left out). */
  volumes: string[]
  networks: string[]
}

interface RawService {
  image?: string
  build?: unknown
  restart?: string
  depends_on?: Record<string, { condition?: string; required?: boolean }>
  healthcheck?: { test?: string[] | string; disable?: boolean }
  ports?: { target?: number; protocol?: string; published?: string; host_ip?: string }[]
  scale?: number
  deploy?: { replicas?: number }
}

interface RawModel {
  name?: string
  services?: Record<string, RawService>
  networks?: Record<string, { name?: string; external?: boolean }>
  volumes?: Record<string, { name?: string; external?: boolean }>
}

/** Reads the JSON compose printed; throws with a sentence when it is not a model. */
export function parseModel(json: string, files: string[]): ComposeModel {
  let raw: RawModel
  try {
    raw = JSON.parse(json) as RawModel
  } catch {
    throw new Error('docker compose config printed no JSON model')
  }
  const lines = serviceLines(files)
  const services = Object.entries(raw.services ?? {}).map(([name, s]): ComposeService => {
    const test = s.healthcheck?.test
    const disabled =
      s.healthcheck?.disable === true || (Array.isArray(test) ? test[0] === 'NONE' : test === 'NONE')
    return {
      name,
      image: s.image,
      build: s.build !== undefined,
      restart: s.restart ?? 'no',
      dependsOn: Object.entries(s.depends_on ?? {}).map(([service, d]) => ({
        service,
        condition: d.condition ?? 'service_started',
        required: d.required !== false
      })),
      healthcheck: s.healthcheck !== undefined && !disabled,
      ports: (s.ports ?? []).map(p => ({
        target: p.target ?? 0,
        protocol: p.protocol ?? 'tcp',
        published: p.published,
        hostIp: p.host_ip
      })),
      scale: s.deploy?.replicas ?? s.scale ?? 1,
      definedAt: lines.get(name)
    }
  })
  const internal = (entries: Record<string, { name?: string; external?: boolean }> | undefined): string[] =>
    Object.entries(entries ?? {})
      .filter(([, v]) => v.external !== true)
      .map(([key]) => key)
  const network = raw.networks?.default
  return {
    name: raw.name ?? '',
    services,
    defaultNetwork: network && network.external !== true ? network.name : network?.name,
    volumes: internal(raw.volumes),
    networks: internal(raw.networks)
  }
}

/** Service name → the first file and line that define it (`  web:` under `services:`). */
export function serviceLines(files: string[]): Map<string, { file: string; line: number }> {
  const found = new Map<string, { file: string; line: number }>()
  for (const file of files) {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      continue
    }
    const counter = new LineCounter()
    const document = parseDocument(text, { lineCounter: counter })
    const services = document.get('services', true)
    if (!isMap(services)) continue
    for (const pair of services.items) {
      const key = pair.key
      if (!isScalar(key) || !key.range) continue
      const name = String(key.value)
      if (!found.has(name)) found.set(name, { file, line: counter.linePos(key.range[0]).line })
    }
  }
  return found
}

/** Services in an order where each comes after what it depends on (ties by name). */
export function dependencyOrder(services: ComposeService[]): ComposeService[] {
  const byName = new Map(services.map(s => [s.name, s]))
  const done = new Set<string>()
  const ordered: ComposeService[] = []
  const visit = (service: ComposeService, path: Set<string>): void => {
    if (done.has(service.name) || path.has(service.name)) return
    path.add(service.name)
    for (const dep of service.dependsOn) {
      const target = byName.get(dep.service)
      if (target) visit(target, path)
    }
    done.add(service.name)
    ordered.push(service)
  }
  for (const service of [...services].sort((a, b) => a.name.localeCompare(b.name))) visit(service, new Set())
  return ordered
}
