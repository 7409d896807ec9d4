// Numbers as the game shows them: a minus sign is "−" (U+2212), never the hyphen
// toFixed gives, and a value that rounds to zero is shown without a sign ("0.0", not
// "−0.0"). Every figure on a screen goes through here, axis labels and chart tables
// included; files made for machines (results, CSV, JSON) keep their own formats.

export const MINUS = '\u2212';

/** `v` with `digits` decimals, a negative one with "−": "−0.4", "12.0", "0.0" for −0.01. */
export function shownNumber(v: number, digits = 0): string {
  const text = Math.abs(v).toFixed(digits);
  // the sign of what is shown: −0.04 at one decimal is "0.0", with no sign
  return v < 0 && Number(text) !== 0 ? `${MINUS}${text}` : text;
}

/** A change, always signed: "+2.1", "−0.4", "±0.0" where it rounds to nothing. */
export function signedNumber(v: number, digits = 0): string {
  const text = Math.abs(v).toFixed(digits);
  if (Number(text) === 0) return `±${text}`;
  return `${v > 0 ? '+' : MINUS}${text}`;
}
