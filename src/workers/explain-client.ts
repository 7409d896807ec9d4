import type { Explanation, ScenarioDef, SimState } from '../sim/index.ts';
import type { ExplainReply, ExplainRequest } from './explain-protocol.ts';

// The page's way to the explanation worker: one worker per request, ended when the
// request is answered or cancelled (the player left the debrief).

let nextId = 1;

export function explainInWorker(
  scenario: ScenarioDef,
  state: SimState,
  best: string[] | null,
  signal: AbortSignal,
): Promise<Explanation> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new DOMException('cancelled', 'AbortError'));
      return;
    }
    const worker = new Worker(new URL('./explain.worker.ts', import.meta.url), {
      type: 'module',
      name: 'explain',
    });
    const id = nextId++;
    const end = () => {
      worker.terminate();
      signal.removeEventListener('abort', abort);
    };
    const abort = () => {
      end();
      reject(new DOMException('cancelled', 'AbortError'));
    };
    signal.addEventListener('abort', abort);
    worker.addEventListener('message', (event: MessageEvent<ExplainReply>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      end();
      if (reply.ok) resolve(reply.explanation);
      else reject(new Error(reply.message));
    });
    worker.addEventListener('error', (event) => {
      end();
      reject(new Error(event.message || 'the explanation worker failed'));
    });
    const request: ExplainRequest = { id, scenario, state, best };
    worker.postMessage(request);
  });
}
