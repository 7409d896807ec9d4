import type { ScenarioFile } from './schema.ts';
import type { SemanticIssue } from './semantics.ts';

// The debrief shows one band's sentence, chosen by the figure the pass mark reads. A band
// whose range crosses the pass mark is read by games that passed and games that did not,
// so one sentence cannot fit both: the debrief keeps failed games out of bands from the
// pass mark up, but a passed game still falls into a band that starts below it. These
// checks warn an author of that, and of scores that get no sentence at all.

type Band = NonNullable<ScenarioFile['debrief']['bands']>[number];

/** The figure the pass mark reads, as the debrief's verdict names it. */
function gradedFigure(grading: ScenarioFile['rubric']['grading']): string {
  if (grading === 'raw') return 'score';
  if (grading === 'both') return 'lower of the score and the fair score';
  return 'fair score';
}

/** The start of a band's text, enough for an author to find it. */
function opening(text: string): string {
  const words = text.split(/\s+/);
  return words.length > 6 ? `${words.slice(0, 6).join(' ')}…` : text;
}

export function checkBands(s: ScenarioFile, out: SemanticIssue[]): void {
  const bands: readonly Band[] = s.debrief.bands ?? [];
  if (bands.length === 0) return;
  if (!bands.some((b) => b.min === 0)) {
    out.push({
      path: ['debrief', 'bands'],
      warning: true,
      message: `no band has min: 0, so a score below ${Math.min(...bands.map((b) => b.min))} gets no debrief text`,
    });
  }
  const passMark = s.rubric.passMark;
  if (bands.some((b) => b.min === passMark)) return;
  // the band a game just above the pass mark would be shown, had no band started at it
  const below = bands
    .map((b, i) => ({ b, i }))
    .filter(({ b }) => b.min < passMark)
    .sort((x, y) => y.b.min - x.b.min)[0];
  if (below === undefined) return; // the min: 0 warning covers scores below every band
  const above = bands.filter((b) => b.min > passMark).sort((x, y) => x.min - y.min)[0];
  const figure = gradedFigure(s.rubric.grading);
  const top = above === undefined ? 100 : above.min - 1;
  out.push({
    path: ['debrief', 'bands', below.i, 'min'],
    warning: true,
    message: `the band from min: ${below.b.min} ("${opening(below.b.text)}") runs to ${top}, across the pass mark ${passMark}: games that passed (${figure} ${passMark} to ${top}) and games that did not read the same sentence. Start a band at min: ${passMark}.`,
  });
}
