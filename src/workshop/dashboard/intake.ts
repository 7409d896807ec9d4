import { readText, type Intake as Submission } from '../../hr/intake.ts';
import { type Replay, type SessionRecord, verify } from '../../record/record.ts';
import type { ScenarioDef } from '../../sim/index.ts';

// From what the room hands in (pasted result codes, dropped result files) to the games
// that count and the ones that do not, each with its reason. Nothing is counted that has
// not been replayed: a code's checksum only catches accidents, the replay catches forgery.
// Reading codes and files is the verifier's job (src/hr/intake.ts); this adds what a
// workshop asks: the same session and seed, each game once, each name once.

export type { Submission };

export interface WorkshopContext {
  session: string;
  seed: string;
  name: string;
  scenario: ScenarioDef;
  hash: string;
  /**
   * the other scenarios the site has (the bundled ones), so that a code from another
   * workshop can be read and refused for what it is rather than as unreadable
   */
  others?: readonly ScenarioDef[];
}

export interface Accepted {
  source: string;
  player: string;
  record: SessionRecord;
  replay: Replay;
  /**
   * The scenario it was replayed on: an earlier edition, or the workshop's under an earlier
   * model, for a result made before an update (verify); absent: the workshop's own
   */
  playedOn?: ScenarioDef;
}

export interface Rejected {
  source: string;
  /** the name the record claims, when it could be read */
  player?: string;
  reason: string;
}

export interface Intake {
  accepted: Accepted[];
  rejected: Rejected[];
}

/** The room's codes and files read into records (or errors): the verifier's reader. */
export function readSubmissions(
  workshop: WorkshopContext,
  text: string,
  source: string,
  lineName?: (line: number) => string,
): Submission[] {
  const shelf = new Map(
    [...(workshop.others ?? []), workshop.scenario].map((scenario) => [scenario.id, { scenario }]),
  );
  return readText(text, source, shelf, lineName);
}

/**
 * Pasted text, each code named by its line. Text around the codes (greetings, names and
 * times copied from a chat) is passed over, and a code wrapped over lines is joined.
 */
export function readPasted(workshop: WorkshopContext, text: string): Submission[] {
  return readSubmissions(workshop, text, 'the paste', (line) => `line ${line}`);
}

/** Why a game of another scenario does not count here: it is not from this workshop. */
function otherWorkshop(workshop: WorkshopContext, scenario: string, session?: string): string {
  const title = workshop.others?.find((s) => s.id === scenario)?.title;
  const played = title ? `"${title}"` : `scenario "${scenario}"`;
  const from = session ? ` (session "${session}")` : '';
  return `from another workshop${from}: it was played on ${played}, and this workshop plays "${workshop.scenario.title}"`;
}

/** The record's own identity: two identical games handed in twice count once. */
function fingerprint(r: SessionRecord): string {
  return JSON.stringify([r.scenario, r.hash, r.seed, r.session ?? '', r.player ?? '', r.choices]);
}

export function checkSubmissions(
  workshop: WorkshopContext,
  submissions: readonly Submission[],
  already: Intake = { accepted: [], rejected: [] },
): Intake {
  const accepted = [...already.accepted];
  const rejected = [...already.rejected];
  const seen = new Map(accepted.map((a) => [fingerprint(a.record), a.source]));
  const names = new Map(
    accepted.filter((a) => a.record.player?.trim()).map((a) => [a.player.toLowerCase(), a.source]),
  );
  const scenarios = new Map([
    [workshop.scenario.id, { scenario: workshop.scenario, hash: workshop.hash }],
  ]);
  for (const { source, record, error, scenario } of submissions) {
    if (!record) {
      // a code packed against a scenario this page does not have is another workshop's
      const reason =
        scenario !== undefined && scenario !== workshop.scenario.id
          ? otherWorkshop(workshop, scenario)
          : (error ?? 'unreadable');
      rejected.push({ source, reason });
      continue;
    }
    // a game link does not ask every trainee's name: an unnamed game is shown by where it
    // came from, and only named games are held to one game per name
    const named = record.player?.trim() ?? '';
    const player = named || `unnamed (${source})`;
    const reject = (reason: string) => rejected.push({ source, player, reason });
    if (record.scenario !== workshop.scenario.id) {
      reject(otherWorkshop(workshop, record.scenario, record.session));
      continue;
    }
    if (record.session !== workshop.session) {
      reject(
        record.session
          ? `from another session ("${record.session}"), not this workshop`
          : 'played outside any workshop (no session in the record)',
      );
      continue;
    }
    if (record.seed !== workshop.seed) {
      reject(`played on seed ${record.seed}, but this workshop's market is seed ${workshop.seed}`);
      continue;
    }
    const key = fingerprint(record);
    const twin = seen.get(key);
    if (twin !== undefined) {
      reject(`duplicate: the same game as ${twin}`);
      continue;
    }
    const verdict = verify(record, scenarios);
    if (!verdict.genuine) {
      reject(`not genuine: ${verdict.reason}`);
      continue;
    }
    const sameName = named ? names.get(named.toLowerCase()) : undefined;
    if (sameName !== undefined) {
      reject(`a second, different game by "${player}" (the first, ${sameName}, is counted)`);
      continue;
    }
    seen.set(key, source);
    if (named) names.set(named.toLowerCase(), source);
    accepted.push({ source, player, record, replay: verdict.replay, playedOn: verdict.scenario });
  }
  return { accepted, rejected };
}
