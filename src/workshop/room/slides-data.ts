import type { ScenarioDef } from '../../sim/index.ts';
import { shownOrder } from '../../sim/index.ts';
import type { Accepted } from '../dashboard/intake.ts';
import { mostReadSituation } from '../most-read.ts';

// What each quarter's slide says, from the room's replayed games: the situation most of the
// room met that quarter, how the room split, and what each reply did on this market (the
// mean change of share that quarter among those who took it), with the coach's note.
// There is a slide for every quarter from the start, so the deck keeps its length while the
// room plays: a quarter nobody has reached yet says so, and fills as decisions arrive.

export interface ReplyOnSlide {
  id: string;
  label: string;
  count: number;
  /** mean change of market share that quarter, in points; null when nobody took it */
  shareChange: number | null;
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

export function quarterSlides(
  scenario: ScenarioDef,
  seed: string,
  games: readonly Accepted[],
): QuarterSlide[] {
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
        return {
          id: c.id,
          label: c.label,
          count: list.length,
          shareChange: list.length ? list.reduce((a, b) => a + b, 0) / list.length : null,
          coach: c.coach ?? null,
        };
      }),
    });
  }
  return slides;
}
