// The step state main saves for the post step (the runner passes it back as STATE_<name>). Imports
// nothing: the post entry reads it before it loads anything heavy.

export const STATE_PHASE = 'phase'
export const STATE_RUN_ID = 'run-id'
export const STATE_CONFIG = 'config'
/** Set by main to LEFT_NOTHING once it has seen that nothing labelled with its run is on the engine. */
export const STATE_LEFT = 'left'
export const LEFT_NOTHING = 'nothing'

/**
 * The job environment variable that lets the runner skip the post step altogether (action.yml's
 * `post-if: always() && env.DOCKER_PREFLIGHT_NOTHING_LEFT != 'true'`): 'true' while every docker-preflight
 * step of the job so far finished and left nothing for its post step. Each main writes 'false' to
 * GITHUB_ENV before it creates anything and 'true' at the end only when nothing of its run is left and
 * the value it started with was unset or 'true'; the runner applies the last line, whatever the exit status.
 * So a crashed, cancelled or untidy run, or any earlier one, keeps every post step of the job.
 */
export const NOTHING_LEFT_ENV = 'DOCKER_PREFLIGHT_NOTHING_LEFT'

/** The post step's line when there is nothing to remove (the same words cleanup uses). */
export const NOTHING_LEFT_LINE = 'Nothing of this run was left on the engine.'

/**
 * True when main finished and saw that nothing it made was left (no container, network or volume of
 * its run, and no `cleanup-images` to do): the post step then has nothing to remove or look for.
 */
export function postHasNothingToDo(env: NodeJS.ProcessEnv): boolean {
  return env[`STATE_${STATE_PHASE}`] === 'main' && env[`STATE_${STATE_LEFT}`] === LEFT_NOTHING
}
