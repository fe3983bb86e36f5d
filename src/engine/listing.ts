import { errorCode, messageOf } from '../errors.js'
import { sleep } from '../signals.js'

/**
 * A listing call (/images/json, /system/df) again when the engine lost track of an object it was
 * walking. dockerd 28 with the containerd image store fails the whole listing with 404 "snapshot ...
 * does not exist" or "content digest ...: not found", or 500 "rw layer snapshot not found for
 * container", when an image or container is removed while it lists (measured here: 2 of 150
 * /images/json and 7 of 40 /system/df calls while builds and removals ran beside them). A listing never
 * 404s for any other reason, so trying again is safe; the last error is thrown as it came. Tried for
 * up to LISTING_RETRY_MS, not a fixed count: the walk itself takes long on a store with many images
 * (/system/df took 1.9 s here with ~50 images, ~5 s with 66 while tests ran beside it), so while a busy
 * runner removes things, four quick tries all failed, and later two tries in 10 s (whole-suite runs here
 * lost the drift tests' disk use so).
 */
export async function listingWithRetry<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  const started = Date.now()
  for (let attempt = 1; ; attempt++) {
    try {
      return await call()
    } catch (error) {
      const late = attempt >= LISTING_ATTEMPTS && Date.now() - started >= LISTING_RETRY_MS
      if (late || signal?.aborted || !vanishedWhileListing(error)) throw error
      await sleep(Math.min(100 * attempt, 1000), signal)
    }
  }
}

/** At least this many tries, and more while LISTING_RETRY_MS has not passed. */
export const LISTING_ATTEMPTS = 4
export const LISTING_RETRY_MS = 20_000

function vanishedWhileListing(error: unknown): boolean {
  const status = errorCode(error)
  return (status === 404 || status === 500) && /not found|does not exist/i.test(messageOf(error))
}
