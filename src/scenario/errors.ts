// One error in a scenario file: where it is, in the file and inside the data, and what
// to do about it. The CLI prints it as `file:line:col: path: message`.

export interface ScenarioIssue {
  file: string;
  line: number;
  col: number;
  /** path inside the file, such as situations[3].choices[1].effects.alignmnt */
  path: string;
  message: string;
}

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** situations[3].choices[1].effects.alignmnt; odd keys are quoted so the line stays one. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (!PLAIN_KEY.test(String(p))) {
      const key = String(p);
      out += `[${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}]`;
    } else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

export function formatIssue(i: ScenarioIssue): string {
  return `${i.file}:${i.line}:${i.col}: ${i.path || '(file)'}: ${i.message}`;
}
