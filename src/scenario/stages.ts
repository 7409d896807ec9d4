// The checks of a scenario file run in stages (load.ts), and a stage runs only when the
// ones before it passed. So a list of errors from an early stage is not the whole story:
// fixing it can bring new errors from the checks that have not run yet. The editor and
// scenario:check say so under the count, in these words, so that a second list after the
// first is fixed comes as no surprise.

/**
 * The stage a failed check stopped at; `meaning` is the last, with nothing after it.
 * `links`: the meaning was checked, but not the paths through the game, which need every
 * situation's id to be unique and every `next` to name one (semantics.ts).
 */
export type CheckStage = 'file' | 'yaml' | 'version' | 'fields' | 'links' | 'meaning';

/**
 * What has not been checked yet because of errors of this stage, in one sentence, or null
 * when every check has run. `errors` is how many errors there are, for "it" or "they".
 */
export function checksNotYetRun(stage: CheckStage, errors: number): string | null {
  const once = `Once ${errors === 1 ? 'it is' : 'they are'} fixed`;
  switch (stage) {
    case 'file':
    case 'yaml':
      return `${once}, the fields are checked, then what refers to what: more errors may show.`;
    case 'version':
      return `${once}, the rest of the file is checked: more errors may show.`;
    case 'fields':
      return `${once}, a second round checks what refers to what (a next: naming a situation, a reply naming a team member, paths as long as the game, weights adding up to 1) and may find more.`;
    case 'links':
      return `${once}, the paths through the game are checked (every situation reached, every path as long as the game) and may bring more errors.`;
    case 'meaning':
      return null;
  }
}
