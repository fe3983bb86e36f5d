import type { BuildResult } from '../build/types.js'
import type { EngineClient } from '../engine/client.js'
import { imageStoreOf } from '../engine/image-store.js'
import type { Inventory } from './inventory.js'

// One definition of an image's size, used by the `image-size` output, the inventory, the summary and
// `max-image-size` alike: the `Size` that GET /images/json reports, which is what `docker image ls`
// shows (docker/cli formatter/image.go prints ImageSummary.Size; Docker 29's tree view prints the same
// number as "Disk usage"). What that number counts depends on the engine's image store:
// - a graph driver (overlay2): the layers' uncompressed sizes, the same as /images/{id}/json Size;
// - the containerd image store (moby daemon/containerd/image_list.go): the content the store holds for
//   the image (manifests, config and the compressed layers of every platform present) plus its
//   unpacked snapshots, so about twice the layers. /images/{id}/json Size there is the packed content
//   alone (image_inspect.go), a different number, so it is never used for the size.

/** The size `docker image ls` shows for the image `id`; undefined when the listing does not have it. */
export async function listedImageSize(
  client: EngineClient,
  id: string,
  tag: string | undefined,
  signal?: AbortSignal
): Promise<number | undefined> {
  // A tag narrows the listing to one image: the containerd store sizes every image it lists.
  const images = await client.images.list(tag ? { reference: [tag] } : undefined, signal)
  return images.find(image => image.Id === id)?.Size
}

/**
 * The size of an image just inspected, as `docker image ls` shows it, asking the engine nothing more where
 * the inspect already says it: dockerd with a graph driver (above). The containerd store's inspect Size is
 * another number, and Podman's is not documented to match its listing: those are listed.
 */
export async function inspectedImageSize(
  client: EngineClient,
  image: { Id: string; Size?: number; RepoTags?: string[] },
  signal?: AbortSignal
): Promise<number | undefined> {
  const [info, podman] = await Promise.all([client.system.info(signal), client.system.isPodman(signal)])
  if (!podman && imageStoreOf(info) === 'graphdriver' && typeof image.Size === 'number') return image.Size
  return listedImageSize(client, image.Id, image.RepoTags?.[0], signal)
}

/** The built image's size as this run reports it: the inventory's (taken last), else the build's. */
export function builtImageSize(
  build: BuildResult | undefined,
  inventory: Inventory | undefined
): number | undefined {
  if (build?.status !== 'built') return undefined
  return inventory?.images.find(i => i.built)?.sizeBytes ?? build.sizeBytes
}
