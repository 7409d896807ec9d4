import { isScalar, parseDocument } from 'yaml';
import { safeFileStem } from './file-stem.ts';

// The name a downloaded scenario file gets: its own `id` (the guide asks that the file
// name and the id match), made safe for any file system (file-stem.ts), else the name it
// had. The id is read from the text as it is, valid or not, so an unfinished file is named
// after it too. Loaded on the first download: it carries the YAML parser.

const FALLBACK = 'my-scenario.yaml';

/** The top-level `id:` of a scenario's text, when the YAML can be read that far. */
export function idInText(text: string): string | null {
  try {
    const doc = parseDocument(text, {
      uniqueKeys: false,
      schema: 'core',
      resolveKnownTags: false,
      prettyErrors: false,
    });
    const id = doc.get('id', true);
    return isScalar(id) && typeof id.value === 'string' ? id.value : null;
  } catch {
    return null;
  }
}

/** `harbour-lunch.yaml` for a file whose id is harbour-lunch; otherwise `current`. */
export function scenarioFileName(text: string, current: string = FALLBACK): string {
  const id = idInText(text);
  const stem = id === null ? null : safeFileStem(id);
  return stem === null ? current || FALLBACK : `${stem}.yaml`;
}
