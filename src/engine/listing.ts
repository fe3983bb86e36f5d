import { errorCode, messageOf } from '../errors.js'
import { sleep } from '../signals.js'

/**
 * A listing call (/images/json, /system/df) again when the engine lost track of an object it was
 * walking. dockerd 28 with the containerd image store fails the whole listing with 404 "snapshot ...
 * does not exist" or "content digest ...: not found", or 500 "rw layer snapshot not found for
 * container", when an image or container is removed while it lists (measured here: 2 of 150
 * /images/json and 7 of 40 /system/df calls while builds and removals ran beside them). A listing never
 * 404s for any other reason, so a few tries are safe; the last error is thrown as it came.
 */
export async function listingWithRetry<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call()
    } catch (error) {
      if (attempt >= LISTING_ATTEMPTS || signal?.aborted || !vanishedWhileListing(error)) throw error
      await sleep(100 * attempt, signal)
    }
  }
}

export const LISTING_ATTEMPTS = 4

function vanishedWhileListing(error: unknown): boolean {
  const status = errorCode(error)
  return (status === 404 || status === 500) && /not found|does not exist/i.test(messageOf(error))
}
