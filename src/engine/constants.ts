/** How long the engine has to answer /_ping before the run fails (the "within 10 s"). */
export const PING_TIMEOUT_MS = 8_000

/**
 * How long /version and /info may take: they are cheap, and a daemon that takes longer is stuck. The engine
 * check fails then; the entry's early requests (early-ping.ts) give up, and the engine check asks again.
 */
export const FACTS_TIMEOUT_MS = 15_000
