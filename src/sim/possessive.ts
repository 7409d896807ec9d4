// "Apex Tools' pull", not "Apex Tools's pull": English writes a name that ends in s (a
// company, mostly: a plural) with the apostrophe alone. People's names ending in s
// (James's) take either; one rule keeps every screen alike.

/** The name with its possessive ending: "Priya's", "Apex Tools'". */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}
