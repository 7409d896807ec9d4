// A scenario's id as a file name. Ids of valid files are already plain (lower-case
// letters, digits, dashes), but a file is downloaded before it is valid, with any id.

/** Well under every file system's limit of 255 bytes, with room for ".yaml". */
const MAX_STEM = 100;

/**
 * `id` as a file name: letters, digits, dots, dashes and underscores kept, any run of other
 * characters (slashes, colons, spaces, control characters) one dash; no leading dot or
 * dash, so the file is neither hidden nor read as an option. Null when nothing is left.
 */
export function safeFileStem(id: string): string | null {
  const stem = id
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, MAX_STEM)
    .replace(/[.-]+$/, '');
  return stem === '' ? null : stem;
}
