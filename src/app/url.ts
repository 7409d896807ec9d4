import { counted } from '../lib/counted.ts';
import type { GameStore } from '../store/game-store.ts';

// What the address asks for: a workshop link (#w=…, or ?w=… in older links), an assignment
// link (#a=…, ?a=…) or a plain market (?scenario=ID&seed=N); `search` is the address's
// linkParams. Links are decoded by src/links, loaded only when present.

const SEED = /^[\w-]{1,40}$/;

/** The scenario loader, with zod told to stay jitless first: the page's CSP forbids eval. */
export async function jitlessLoader() {
  const { config } = await import('zod');
  config({ jitless: true });
  return import('../scenario/load.ts');
}

export async function openFromUrl(
  store: GameStore,
  search: string,
  newSeed: () => string,
): Promise<void> {
  const params = new URLSearchParams(search);
  const actions = store.getState();
  if (params.has('w') || params.has('a')) {
    const { readLink } = await import('../links/links.ts');
    const result = readLink(search);
    if (!result) return;
    if (!result.ok) {
      actions.showLinkError(result.error);
      return;
    }
    const link = result.link;
    if (link.kind === 'assignment') {
      actions.startMarket(link.scenario, link.seed, {
        kind: 'assignment',
        session: link.session,
        trainee: link.trainee,
        passMark: link.passMark,
        attempts: link.attempts,
        attempt: 0,
        ...(link.due !== undefined ? { due: link.due } : {}),
      });
      return;
    }
    let id = link.scenario;
    // the link's own scenario is played by its hash: it may share its id with another
    let hash: string | undefined;
    if (link.yaml !== undefined) {
      const { loadScenario } = await jitlessLoader();
      const loaded = loadScenario(link.yaml, 'workshop scenario');
      if (!loaded.ok) {
        const first = loaded.issues[0];
        actions.showLinkError(
          `the workshop's own scenario has ${counted(loaded.problems, 'error')}${first ? `, the first at line ${first.line}: ${first.message}` : ''}`,
        );
        return;
      }
      actions.addScenario({ scenario: loaded.scenario, hash: loaded.hash, yaml: link.yaml });
      id = loaded.scenario.id;
      hash = loaded.hash;
    }
    if (id === undefined) return;
    actions.startMarket(
      id,
      link.seed,
      { kind: 'workshop', name: link.name, session: link.session },
      hash,
    );
    return;
  }
  const id = params.get('scenario');
  if (id === null) return;
  const seed = params.get('seed') ?? newSeed();
  if (!SEED.test(seed)) {
    actions.showLinkError(
      `the seed "${seed.slice(0, 40)}" is not a market number (use letters, digits and dashes)`,
    );
    return;
  }
  actions.startMarket(id, seed, { kind: 'practice' });
}
