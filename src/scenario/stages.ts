// The checks of a scenario file run in stages (load.ts), and a stage runs only when the
// ones before it passed. So a list of errors from an early stage is not the whole story:
// fixing it can bring new errors from the checks that have not run yet. The editor and
// scenario:check say so under the count, in these words, so that a second list after the
// first is fixed comes as no surprise.

/** The stage a failed check stopped at; `meaning` is the last, with nothing after it. */
export type CheckStage = 'file' | 'yaml' | 'version' | 'fields' | 'meaning';

const CROSS_CHECKS =
  'what refers to what (a next: or after: naming a situation, a reply naming a team member or a style, every path lasting the quarters, weights adding up to 1)';

/**
 * What has not been checked yet because of errors of this stage, in one sentence, or null
 * when every check has run. `errors` is how many errors there are, for "it" or "they".
 */
export function checksNotYetRun(stage: CheckStage, errors: number): string | null {
  const them = errors === 1 ? 'it is' : 'they are';
  switch (stage) {
    case 'file':
    case 'yaml':
      return `The fields, then ${CROSS_CHECKS}, are checked once ${them} fixed, and may show more errors.`;
    case 'version':
      return `The rest of the file is checked once ${them} fixed, and may show more errors.`;
    case 'fields':
      return `Checks of ${CROSS_CHECKS} run once ${them} fixed, and may show more errors.`;
    case 'meaning':
      return null;
  }
}
