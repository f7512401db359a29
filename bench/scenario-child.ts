// Entry of a scenario's child process (forked by run.ts with tsx): waits for its spec,
// runs the one scenario, sends the measurements back and exits.

import type { ChildMessage, ParentMessage, ScenarioSpec } from './child-protocol.js';

// Each child loads only its own scenario's code: the others' libraries would count in its
// peak RSS (Readability and linkedom in feedwright's, the pipeline in publish's).
async function runScenario(spec: ScenarioSpec) {
  if (spec.kind === 'baseline') return (await import('./run-baseline.js')).runBaselineScenario(spec);
  if (spec.kind === 'publish') return (await import('./run-publish.js')).runPublishScenario(spec);
  return (await import('./run-feedwright.js')).runFeedwrightScenario(spec);
}

const spec = await new Promise<ScenarioSpec>((resolve) => {
  const onMessage = (message: ParentMessage) => {
    if (message.type !== 'spec') return;
    process.off('message', onMessage);
    resolve(message.spec);
  };
  process.on('message', onMessage);
  process.send?.({ type: 'ready' } satisfies ChildMessage);
});
const { phases, notes } = await runScenario(spec);
process.send?.({ type: 'result', phases, notes } satisfies ChildMessage, () => process.exit(0));
