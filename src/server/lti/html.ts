// The few pages the LTI routes answer with themselves (an error, the deep-linking choice,
// the instructor's cohort): plain HTML made on the server. Everything a platform, a user or
// a scenario supplied goes through `html`'s escaping; only other `html` fragments are
// inserted as they are. No script: the pages work with forms and links alone.

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

type Part = Html | string | number | null | undefined | readonly Html[];

function render(part: Part): string {
  if (part === null || part === undefined) return '';
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map((p: Html) => p.text).join('');
  return escapeHtml(String(part));
}

/** A fragment: the template's own text as it is, every interpolated value escaped. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]!;
  parts.forEach((p, i) => {
    out += render(p) + strings[i + 1]!;
  });
  return new Html(out);
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f4ef;color:#1d1d1b}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem}h1{font-size:1.5rem;margin:0 0 1rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #ccc}
label{display:block;margin:.6rem 0 .2rem;font-weight:600}
input,select{font:inherit;padding:.4rem;width:100%;max-width:24rem;box-sizing:border-box}
select{max-width:100%}
button{display:block;font:inherit;padding:.5rem 1rem;margin-top:1rem;background:#1f4e79;color:#fff;border:0;
border-radius:4px;cursor:pointer}button:focus-visible,a:focus-visible{outline:3px solid #f0a500}
.problem{border-left:4px solid #a4262c;padding:.5rem 1rem;background:#fff}
.note{color:#444}code{background:#fff;padding:0 .25rem;word-break:break-all}
.wide{overflow-x:auto}@media (max-width:480px){th,td{padding:.3rem .25rem;font-size:.875rem}
.stacks thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
.stacks,.stacks tbody,.stacks tr,.stacks th,.stacks td{display:block}
.stacks tr{border-bottom:1px solid #ccc;padding:.4rem 0}.stacks th,.stacks td{border:0;padding:.1rem .25rem}
.stacks th[scope=row]{font-size:1rem}
.stacks td::before{content:attr(data-label) ": ";font-weight:600}}`;

/** A whole page, with the game's icon (the site's, as index.html has it: no request for /favicon.ico). */
export function page(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<title>${title} · Tug of War</title><style>${new Html(STYLE)}</style></head>
<body><main>${body}</main></body></html>`.text;
}

/**
 * A refusal of the LTI routes: the HTTP status, a heading and a sentence saying what was
 * wrong and what to do, shown as a page (a launch happens in a browser, not a program).
 */
export class LtiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

export function errorPage(e: LtiError): string {
  return page(
    e.title,
    html`<h1>${e.title}</h1><p class="problem" role="alert">${e.message}</p>
<p class="note">If this keeps happening, send this message to whoever looks after your
learning platform or the game's server.</p>`,
  );
}

/** GET /lti/launch: the address a course posts to, opened on its own (a bookmark, the history). */
export function launchOpenedDirectlyPage(): string {
  return page(
    'Open the game from your course',
    html`<h1>Open the game from your course</h1>
<p>This address only works when your course opens it: a bookmark or the browser's history
cannot open the game here.</p>
<p>Go back to your course in your learning platform and open the assessment from there.
Nothing you have done is lost: the game's server keeps your attempts.</p>`,
  );
}
