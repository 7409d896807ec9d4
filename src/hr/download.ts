// Hands a text to the browser as a file to save. The object URL is released once the
// click has been dispatched; the browser has taken its copy by then.

export function download(text: string, name: string, type = 'text/csv;charset=utf-8'): void {
  // a byte-order mark tells spreadsheet programs the CSV is UTF-8 (names with accents)
  const body = type.startsWith('text/csv') ? `\uFEFF${text}` : text;
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
