// Removing an image and the untagged intermediate images only it was built on, alike on both image stores.
//
// The classic builder commits an intermediate image per step (each `labels` entry is a LABEL step of its
// own, so those carry the action's labels), and a cached rebuild shares the first ones. The graph-driver
// store never removes a parent another image still builds on (a conflict ends its parent pruning). The
// containerd store does not check children (moby v28.5.2 daemon/containerd/image_delete.go deleteAll:
// every dangling parent goes), so removing one build removes the parents a second build still names; that
// build's later removal then cannot resolve its chain (`parents` fails, nothing is pruned) and leaves its
// labelled intermediate images dangling for good. So the engine prunes nothing here: the chain is walked
// from the listing and each parent is removed only while nothing else builds on it.
import { EngineError, type EngineClient, type ImageListItem } from '../engine/client.js'

const NONE = new Set(['<none>:<none>', '<none>@<none>'])

/** True when a name (tag or digest) keeps the image: the engine's prune keeps those too. */
function named(image: ImageListItem): boolean {
  return [...(image.RepoTags ?? []), ...(image.RepoDigests ?? [])].some(name => !NONE.has(name))
}

/**
 * Removes image `id` (forced: its tags go too) and then, nearest first, each untagged parent that no
 * other image or container uses. Returns the IDs removed; throws the engine's error for `id` itself
 * (404 included: the caller knows what "already gone" means to it). A parent the engine refuses (a
 * container uses it) ends the walk quietly, as the engine's own pruning does.
 */
export async function removeImageAndParents(
  client: EngineClient,
  id: string,
  signal?: AbortSignal
): Promise<string[]> {
  const all = await client.images.list(undefined, signal, { all: true })
  const byId = new Map(all.map(image => [image.Id, image]))
  const target = byId.get(id) ?? all.find(image => image.Id === `sha256:${id}`)
  await client.images.remove(id, { force: true, noprune: true }, signal)
  const removed = new Set([target?.Id ?? id])
  let parentId = target?.ParentId
  while (parentId) {
    const parent = byId.get(parentId)
    if (!parent || named(parent)) break
    const builtOn = all.some(image => image.ParentId === parentId && !removed.has(image.Id))
    if (builtOn) break
    try {
      await client.images.remove(parent.Id, { noprune: true }, signal)
    } catch (error) {
      if (error instanceof EngineError && error.status === 404) {
        removed.add(parent.Id)
        parentId = parent.ParentId
        continue
      }
      break
    }
    removed.add(parent.Id)
    parentId = parent.ParentId
  }
  return [...removed]
}
