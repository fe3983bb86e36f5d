// The typescript-action convention: a module that exports `run()`, so GitHub's @github/local-action can run
// the action from source (`npm run local-action`, inputs from a .env file as INPUT_* variables). The
// bundled action starts from src/index.ts instead, which pings the engine before anything heavy loads.
export { run } from './runtime/local-action.js'
