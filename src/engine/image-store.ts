/**
 * Which image store the engine keeps its images in. dockerd's containerd image store (the default of
 * Docker 29 for new installs; daemon.json `features.containerd-snapshotter`) reports itself in /info as
 * DriverStatus `[["driver-type", "io.containerd.snapshotter.v1"]]` (moby daemon/containerd/service.go),
 * with Driver naming the snapshotter (`overlayfs`); the classic store reports a graph driver (`overlay2`).
 */
export type ImageStore = 'containerd' | 'graphdriver'

export const CONTAINERD_SNAPSHOTTER = 'io.containerd.snapshotter.v1'

export function imageStoreOf(info: Record<string, unknown>): ImageStore {
  const status = Array.isArray(info.DriverStatus) ? (info.DriverStatus as unknown[]) : []
  const containerd = status.some(
    pair => Array.isArray(pair) && pair[0] === 'driver-type' && pair[1] === CONTAINERD_SNAPSHOTTER
  )
  return containerd ? 'containerd' : 'graphdriver'
}

/** "overlay2 (graph driver)" / "overlayfs (containerd image store)", for the report's Engine table. */
export function storageText(info: Record<string, unknown>): string {
  const driver = typeof info.Driver === 'string' ? info.Driver : ''
  const store = imageStoreOf(info) === 'containerd' ? 'containerd image store' : 'graph driver'
  return driver ? `${driver} (${store})` : store
}
