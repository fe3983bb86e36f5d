// The engine facts a baseline comparison looks at, each with the stable name `fail-on-drift` lists.
// Kept free of heavy imports: input validation (src/inputs/parse.ts) reads it too.

export type DriftGroup =
  'engine' | 'storage' | 'cgroup' | 'runtime' | 'security' | 'registry' | 'host' | 'disk'

export interface DriftFieldDefinition {
  /** The stable name: in DriftItem.field, in `fail-on-drift`, in the README's table. */
  name: string
  /** What a person calls it, for tables. */
  label: string
  group: DriftGroup
  /** Counted by `fail-on-drift: security`. */
  security: boolean
  /** Where the value comes from, for the documentation. */
  source: string
}

const field = (
  name: string,
  label: string,
  group: DriftGroup,
  source: string,
  security = false
): DriftFieldDefinition => ({ name, label, group, source, security })

export const DRIFT_FIELDS: readonly DriftFieldDefinition[] = [
  field('serverVersion', 'Server version', 'engine', '/version Version'),
  field('apiVersion', 'API version', 'engine', '/version ApiVersion'),
  field('storageDriver', 'Storage driver', 'storage', '/info Driver'),
  field('backingFilesystem', 'Backing filesystem', 'storage', '/info DriverStatus "Backing Filesystem"'),
  field('cgroupDriver', 'Cgroup driver', 'cgroup', '/info CgroupDriver'),
  field('cgroupVersion', 'Cgroup version', 'cgroup', '/info CgroupVersion'),
  field('defaultRuntime', 'Default runtime', 'runtime', '/info DefaultRuntime', true),
  field('runtimes', 'Runtimes', 'runtime', '/info Runtimes (names)'),
  field('seccomp', 'Seccomp', 'security', '/info SecurityOptions name=seccomp (and its profile)', true),
  field('apparmor', 'AppArmor', 'security', '/info SecurityOptions name=apparmor', true),
  field('selinux', 'SELinux', 'security', '/info SecurityOptions name=selinux', true),
  field('rootless', 'Rootless', 'security', '/info SecurityOptions name=rootless', true),
  field('userns', 'User namespaces', 'security', '/info SecurityOptions name=userns', true),
  field(
    'securityOptions',
    'Other security options',
    'security',
    '/info SecurityOptions other than the five above (e.g. cgroupns)',
    true
  ),
  field('registryMirrors', 'Registry mirrors', 'registry', '/info RegistryConfig.Mirrors'),
  field(
    'insecureRegistries',
    'Insecure registries',
    'registry',
    '/info RegistryConfig InsecureRegistryCIDRs and IndexConfigs with Secure=false',
    true
  ),
  field('httpProxy', 'HTTP proxy', 'registry', '/info HttpProxy (credentials redacted)'),
  field('httpsProxy', 'HTTPS proxy', 'registry', '/info HttpsProxy (credentials redacted)'),
  field('noProxy', 'No proxy', 'registry', '/info NoProxy'),
  field('loggingDriver', 'Logging driver', 'engine', '/info LoggingDriver'),
  field('liveRestore', 'Live restore', 'engine', '/info LiveRestoreEnabled'),
  field('osArch', 'OS/arch', 'host', '/version Os and Arch'),
  field('operatingSystem', 'Operating system', 'host', '/info OperatingSystem'),
  field('kernelVersion', 'Kernel', 'host', '/version KernelVersion'),
  field('cpus', 'CPUs', 'host', '/info NCPU'),
  field('memory', 'Memory', 'host', '/info MemTotal (changes under 1% are ignored)'),
  field('warnings', 'Daemon warnings', 'engine', '/info Warnings (as a set)'),
  field('diskImages', 'Disk: images', 'disk', '/system/df LayersSize'),
  field('diskContainers', 'Disk: containers', 'disk', '/system/df Containers SizeRw'),
  field('diskVolumes', 'Disk: volumes', 'disk', '/system/df Volumes UsageData.Size'),
  field('diskBuildCache', 'Disk: build cache', 'disk', '/system/df BuildCache Size'),
  field('diskReclaimable', 'Disk: reclaimable', 'disk', '/system/df, computed as `docker system df` does')
]

export const DRIFT_FIELD_NAMES: readonly string[] = DRIFT_FIELDS.map(f => f.name)

/** The names `fail-on-drift: security` counts. */
export const SECURITY_DRIFT_FIELDS: readonly string[] = DRIFT_FIELDS.filter(f => f.security).map(f => f.name)

/** Group names a `fail-on-drift` list may use besides field names: `security`, `disk`, `host`, ... */
export const DRIFT_GROUPS: readonly DriftGroup[] = [
  'engine',
  'storage',
  'cgroup',
  'runtime',
  'security',
  'registry',
  'host',
  'disk'
]

export function driftField(name: string): DriftFieldDefinition {
  const found = DRIFT_FIELDS.find(f => f.name === name)
  if (!found) throw new Error(`no drift field named ${name}`)
  return found
}

/**
 * The canonical field names one `fail-on-drift` list entry stands for (case-insensitive): a field name
 * gives itself, a group name (`security`: the fields `fail-on-drift: security` counts; `disk`, `host`, ...)
 * gives its fields; undefined when the entry is neither.
 */
export function resolveDriftFieldEntry(entry: string): string[] | undefined {
  const key = entry.trim().toLowerCase()
  const single = DRIFT_FIELDS.find(f => f.name.toLowerCase() === key)
  if (single) return [single.name]
  if (key === 'security') return [...SECURITY_DRIFT_FIELDS]
  if ((DRIFT_GROUPS as readonly string[]).includes(key)) {
    return DRIFT_FIELDS.filter(f => f.group === key).map(f => f.name)
  }
  return undefined
}
