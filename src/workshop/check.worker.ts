import { loadScenario } from '../scenario/load.ts';
import type { CheckReply, CheckRequest } from './check-client.ts';

// The scenario check off the page's thread, so that a file that takes long to check (the
// largest take a second or two) never freezes the editor, and one that takes too long can
// be stopped from the page.

self.onmessage = (e: MessageEvent<CheckRequest>) => {
  const { id, text, file } = e.data;
  self.postMessage({ id, result: loadScenario(text, file) } satisfies CheckReply);
};
