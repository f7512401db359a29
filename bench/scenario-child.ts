// Entry of a scenario's child process (forked by run.ts with tsx): waits for its spec,
// runs the one scenario, sends the measurements back and exits.

import type { ChildMessage, ParentMessage, ScenarioSpec } from './child-protocol.js';
import { runBaselineScenario } from './run-baseline.js';
import { runFeedwrightScenario } from './run-feedwright.js';
import { runPublishScenario } from './run-publish.js';

function runScenario(spec: ScenarioSpec) {
  if (spec.kind === 'baseline') return runBaselineScenario(spec);
  if (spec.kind === 'publish') return runPublishScenario(spec);
  return runFeedwrightScenario(spec);
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
