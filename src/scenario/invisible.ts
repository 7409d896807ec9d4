// Characters that show nothing yet change what the page shows. A direction control (the
// right-to-left override U+202E and its kin) reverses or reorders not only the scenario's
// text but the game's own words around it, as soon as the text is put on a line with them;
// a zero-width character makes a name look like another ("Maya" and "Ma\u200Bya"). A
// scenario needs neither, so they are refused, and any that an error message quotes from
// the file is shown as \uXXXX so the message itself reads the right way round.

const DIRECTION: Record<number, string> = {
  1564: 'ARABIC LETTER MARK',
  8206: 'LEFT-TO-RIGHT MARK',
  8207: 'RIGHT-TO-LEFT MARK',
  8234: 'LEFT-TO-RIGHT EMBEDDING',
  8235: 'RIGHT-TO-LEFT EMBEDDING',
  8236: 'POP DIRECTIONAL FORMATTING',
  8237: 'LEFT-TO-RIGHT OVERRIDE',
  8238: 'RIGHT-TO-LEFT OVERRIDE',
  8294: 'LEFT-TO-RIGHT ISOLATE',
  8295: 'RIGHT-TO-LEFT ISOLATE',
  8296: 'FIRST STRONG ISOLATE',
  8297: 'POP DIRECTIONAL ISOLATE',
};

const ZERO_WIDTH: Record<number, string> = {
  6158: 'MONGOLIAN VOWEL SEPARATOR',
  8203: 'ZERO WIDTH SPACE',
  8204: 'ZERO WIDTH NON-JOINER',
  8205: 'ZERO WIDTH JOINER',
  8288: 'WORD JOINER',
  8289: 'FUNCTION APPLICATION',
  8290: 'INVISIBLE TIMES',
  8291: 'INVISIBLE SEPARATOR',
  8292: 'INVISIBLE PLUS',
  8298: 'INHIBIT SYMMETRIC SWAPPING',
  8299: 'ACTIVATE SYMMETRIC SWAPPING',
  8300: 'INHIBIT ARABIC FORM SHAPING',
  8301: 'ACTIVATE ARABIC FORM SHAPING',
  8302: 'NATIONAL DIGIT SHAPES',
  8303: 'NOMINAL DIGIT SHAPES',
  65279: 'ZERO WIDTH NO-BREAK SPACE',
};

const CHARS = '[\\u061c\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff]';
const ANY = new RegExp(CHARS, 'g');
/** the same, for a quick look at the many texts that hold none */
const SOME = new RegExp(CHARS);

// the two joiners have honest uses: a ZWJ glues an emoji sequence (woman, ZWJ, laptop),
// a ZWNJ keeps two letters apart in Persian or Hindi; in Latin, Greek or Cyrillic text
// they only hide
const EMOJI_BEFORE = /(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\ufe0f)$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;
const LETTER_BEFORE = /[\p{L}\p{M}]$/u;
const LETTER_AFTER = /^\p{L}/u;
const LOOKALIKE_SCRIPT = /\p{Script=Latin}|\p{Script=Greek}|\p{Script=Cyrillic}/u;

function honestJoiner(text: string, i: number): boolean {
  const before = text.slice(Math.max(0, i - 2), i);
  const after = text.slice(i + 1, i + 3);
  if (text[i] === '\u200d') return EMOJI_BEFORE.test(before) && EMOJI_AFTER.test(after);
  if (text[i] !== '\u200c') return false;
  const prev = Array.from(before).at(-1) ?? '';
  const next = Array.from(after)[0] ?? '';
  return (
    LETTER_BEFORE.test(prev) &&
    LETTER_AFTER.test(next) &&
    !LOOKALIKE_SCRIPT.test(prev) &&
    !LOOKALIKE_SCRIPT.test(next)
  );
}

const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

export interface Invisible {
  /** index of the character in the text */
  index: number;
  message: string;
}

/** The first invisible character the text should not hold, with what to tell the author. */
export function invisibleIn(text: string): Invisible | null {
  if (!SOME.test(text)) return null;
  for (const m of text.matchAll(ANY)) {
    if (honestJoiner(text, m.index)) continue;
    const code = m[0].charCodeAt(0);
    const direction = DIRECTION[code];
    const name = `U+${hex(code)} ${direction ?? ZERO_WIDTH[code]}`;
    return {
      index: m.index,
      message: direction
        ? `this text holds an invisible direction control (${name}), which would reverse the game's own text around it; remove it`
        : `this text holds an invisible character (${name}), which makes it read as something other than what it shows; remove it`,
    };
  }
  return null;
}

/** The text with every such character written as \uXXXX, for quoting it in a message. */
export function showInvisible(text: string): string {
  return text.replace(ANY, (c) => `\\u${hex(c.charCodeAt(0))}`);
}
