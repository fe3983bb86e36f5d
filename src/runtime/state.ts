// The step state main saves for the post step (the runner passes it back as STATE_<name>). Imports
// nothing: the post entry reads it before it loads anything heavy.

export const STATE_PHASE = 'phase'
export const STATE_RUN_ID = 'run-id'
export const STATE_CONFIG = 'config'
/** Set by main to LEFT_NOTHING once it has seen that nothing labelled with its run is on the engine. */
export const STATE_LEFT = 'left'
export const LEFT_NOTHING = 'nothing'

/** The post step's line when there is nothing to remove (the same words cleanup uses). */
export const NOTHING_LEFT_LINE = 'Nothing of this run was left on the engine.'

/**
 * True when main finished and saw that nothing it made was left (no container, network or volume of
 * its run, and no `cleanup-images` to do): the post step then has nothing to remove or look for.
 */
export function postHasNothingToDo(env: NodeJS.ProcessEnv): boolean {
  return env[`STATE_${STATE_PHASE}`] === 'main' && env[`STATE_${STATE_LEFT}`] === LEFT_NOTHING
}
