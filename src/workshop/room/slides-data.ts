import type { ScenarioDef } from '../../sim/index.ts';
import { shownOrder } from '../../sim/index.ts';
import type { Row } from '../dashboard/aggregate.ts';
import type { Accepted } from '../dashboard/intake.ts';
import { mostReadSituation } from '../most-read.ts';

// What each quarter's slide says, from the room's replayed games: the situation most of the
// room met that quarter, how the room split, what each reply did on this market that
// quarter (the mean change of share among those who took it), and how those who took it
// ended the game (the mean of the figure the leaderboard ranks by), with the coach's note.
// A quarter's change alone would crown the reply that grabs share now over the one that
// builds for later, so the slide puts where its takers ended beside it.
// There is a slide for every quarter from the start, so the deck keeps its length while the
// room plays: a quarter nobody has reached yet says so, and fills as decisions arrive.

export interface ReplyOnSlide {
  id: string;
  label: string;
  count: number;
  /** mean change of market share that quarter, in points; null when nobody took it */
  shareChange: number | null;
  /** how many of those who took it have finished the game */
  finished: number;
  /**
   * the mean final figure the leaderboard ranks by (the fair score in the shipped scenarios)
   * of those who took it and finished; null while none has, or while it is worked out
   */
  ended: number | null;
  coach: string | null;
}

export interface QuarterSlide {
  quarter: number;
  /** the situation most of the room met; null while nobody has decided this quarter */
  situation: { title: string; text: string } | null;
  /** players who decided this situation in this quarter */
  decided: number;
  /** players who met another situation this quarter (branching scenarios) */
  elsewhere: number;
  replies: ReplyOnSlide[];
}

/** `board`: the leaderboard's rows of the finished games, by which each reply's takers ended. */
export function quarterSlides(
  scenario: ScenarioDef,
  seed: string,
  games: readonly Accepted[],
  board: readonly Row[] = [],
): QuarterSlide[] {
  const rowOf = new Map(board.map((r) => [r.player, r]));
  const slides: QuarterSlide[] = [];
  for (let q = 1; q <= scenario.quarters; q++) {
    const met = new Map<string, number>();
    for (const g of games) {
      const r = g.replay.state.history[q - 1];
      if (r) met.set(r.situationId, (met.get(r.situationId) ?? 0) + 1);
    }
    const top = [...met].sort((a, b) => b[1] - a[1])[0];
    const metSituation = top && scenario.situations.find((s) => s.id === top[0]);
    if (!top || !metSituation) {
      slides.push({ quarter: q, situation: null, decided: 0, elsewhere: 0, replies: [] });
      continue;
    }
    const changes = new Map<string, number[]>();
    const endings = new Map<string, Row[]>();
    const here: Accepted['replay']['state'][] = [];
    for (const g of games) {
      const h = g.replay.state.history;
      const r = h[q - 1];
      if (r?.situationId !== metSituation.id) continue;
      here.push(g.replay.state);
      const before = (q >= 2 ? h[q - 2]?.metrics : g.replay.state.start)?.share ?? r.metrics.share;
      const list = changes.get(r.choiceId) ?? [];
      list.push((r.metrics.share - before) * 100);
      changes.set(r.choiceId, list);
      const row = rowOf.get(g.player);
      if (row) endings.set(r.choiceId, [...(endings.get(r.choiceId) ?? []), row]);
    }
    // the card's texts follow each player's history: the slide shows the ones most of them read
    const situation = mostReadSituation(scenario, metSituation, here);
    slides.push({
      quarter: q,
      situation: { title: situation.title, text: situation.text },
      decided: top[1],
      elsewhere: [...met.values()].reduce((a, b) => a + b, 0) - top[1],
      replies: shownOrder(scenario.id, seed, situation.id, situation.choices).map((c) => {
        const list = changes.get(c.id) ?? [];
        const ended = endings.get(c.id) ?? [];
        // a percentile grade is known only once the market is worked out: no mean of guesses
        const known = ended.length > 0 && ended.every((r) => r.passed !== null);
        return {
          id: c.id,
          label: c.label,
          count: list.length,
          shareChange: list.length ? list.reduce((a, b) => a + b, 0) / list.length : null,
          finished: ended.length,
          ended: known ? ended.reduce((a, r) => a + r.grade, 0) / ended.length : null,
          coach: c.coach ?? null,
        };
      }),
    });
  }
  return slides;
}
