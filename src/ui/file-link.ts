// A download link owns the file it offers (an object URL): pointing it at a new file lets
// the last one go, and so does drawing a new link in its place. No screen keeps a file of
// its own between drawings.

/** marks a link that owns its file, so a block drawn again finds the last one to let go */
export const FILE_LINK = 'data-file-link';

/** Lets go of the file a download link points at, if it holds one. */
export function releaseFile(link: Element | null): void {
  const href = link?.getAttribute('href') ?? '';
  if (href.startsWith('blob:')) URL.revokeObjectURL(href);
}

/** Lets go of the file of the link drawn in `container` before, if any. */
export function releaseFilesIn(container: Element): void {
  for (const link of container.querySelectorAll(`a[${FILE_LINK}]`)) releaseFile(link);
}

/** Points the link at a new file, letting go of the one it offered before. */
export function offerFile(link: HTMLAnchorElement, file: Blob, name: string): void {
  releaseFile(link);
  link.setAttribute(FILE_LINK, '');
  link.setAttribute('href', URL.createObjectURL(file));
  link.setAttribute('download', name);
}
