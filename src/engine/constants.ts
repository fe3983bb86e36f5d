/** How long the engine has to answer /_ping before the run fails (the "within 10 s"). */
export const PING_TIMEOUT_MS = 8_000
