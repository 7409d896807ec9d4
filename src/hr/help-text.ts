import { h } from '../ui/dom.ts';

// What Help says on HR's page, before how the game is played: making the links, checking
// the results, what the figures of a grade mean, and where the full guide is (docs/hr.md
// says each of these at length; this is the short version, in the page's own words).

export const HR_HELP_ABOUT =
  'This page is for HR and L&D: it makes a link to a scored session for each trainee and checks the results they send back. It needs no server: each link carries its settings, each result carries the whole game, and the page replays every game on your own computer to check it.';

/** a heading and what follows it: the shape ui/help.ts lays out (src/hr may not import it) */
interface Section {
  heading: string;
  parts: HTMLElement[];
}

const list = (...items: string[]) => h('ul', null, ...items.map((t) => h('li', null, t)));

export const HR_HELP: readonly Section[] = [
  {
    heading: 'Making the links',
    parts: [
      h(
        'ol',
        null,
        h(
          'li',
          null,
          'Pick the scenario and give the assignment an id, one per cohort and date: every result made from its links carries it.',
        ),
        h(
          'li',
          null,
          "Keep \u201ca market of their own for each trainee\u201d: each market is drawn from the seed and the trainee's id, so a colleague's result cannot be handed in under another name.",
        ),
        h(
          'li',
          null,
          'Set the pass mark, the attempts allowed and, if you want one, a due date. Paste the trainee ids (employee numbers or e-mail addresses), one a line.',
        ),
        h(
          'li',
          null,
          'Press Make the links, download the links file and keep it, and send each trainee their own link.',
        ),
      ),
      h(
        'p',
        null,
        'This browser remembers each assignment made here. They are listed under \u201cAssignments this browser remembers\u201d, where you can download an assignment\u2019s links again or forget it.',
      ),
    ],
  },
  {
    heading: 'Checking the results',
    parts: [
      list(
        'Trainees send a result code (TOW1-\u2026) or a result file. Paste the codes, or choose or drop the files together with the links file, and press Check the results.',
        'Every result is replayed from its choices. One that was edited, played on a market not dealt to its trainee, or made for a trainee the links file does not list is marked not genuine, with the reason, and never graded.',
        'With the links file, the check is of its assignment: a result of another assignment is listed apart and not graded, and every trainee who sent nothing has a row. Without it, results are checked against the assignments this browser remembers that they name. The line under the button says what they were checked against.',
        'Download the cohort (CSV) for one row per trainee, those who sent nothing included, or every record checked, one row per result.',
      ),
    ],
  },
  {
    heading: 'What the grades mean',
    parts: [
      h(
        'dl',
        { class: 'help-figures' },
        h('dt', null, 'Score'),
        h(
          'dd',
          null,
          "0 to 100, from the scenario's rubric. The luck of the trainee's market counts in it.",
        ),
        h('dt', null, 'Fair score'),
        h(
          'dd',
          null,
          'The share of every possible way of playing the trainee\u2019s own market that scored lower: 80 means better than 80% of them, whatever the luck. The pass mark applies to it, unless the scenario grades on the score instead, or on the lower of the two.',
        ),
        h('dt', null, 'Passed'),
        h(
          'dd',
          null,
          'The best attempt that counts reached the pass mark. An attempt over the number allowed, or finished after the due date, is listed but never counts; a practice result is listed and never graded.',
        ),
      ),
    ],
  },
  {
    heading: 'The full guide',
    parts: [
      h(
        'p',
        null,
        'The HR guide (docs/hr.md, which comes with the game) says all this at length: what the checks prove and what they cannot, checking results on the command line, packages for a learning platform (SCORM, cmi5), and assessments run on the game\u2019s server. Ask whoever runs the game for your organisation for it.',
      ),
    ],
  },
];
