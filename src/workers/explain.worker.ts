/// <reference lib="webworker" />
import { explainGame } from '../sim/index.ts';
import type { ExplainReply, ExplainRequest } from './explain-protocol.ts';

// The causal debrief replays every alternative of every decision to find the turning
// points: on a large market that takes longer than a page may freeze, so it runs here.

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.addEventListener('message', (event: MessageEvent<ExplainRequest>) => {
  const { id, scenario, state, best } = event.data;
  let reply: ExplainReply;
  try {
    reply = { id, ok: true, explanation: explainGame(scenario, state, best ? { best } : {}) };
  } catch (err) {
    reply = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
});
