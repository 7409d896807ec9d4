import type { LoadResult } from '../scenario/load.ts';
import type { ScenarioChoice } from './scenarios.ts';

// The scenario in the authoring editor, shared with the balance and link pages. The text
// is kept in localStorage on every change, so a closed tab or a crash loses nothing.

const KEY = 'tow.workshop.editor.v1';

interface EditorState {
  text: string;
  file: string;
  result: LoadResult | null;
}

const state: EditorState = { text: '', file: 'my-scenario.yaml', result: null };
const listeners = new Set<() => void>();

try {
  const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as unknown;
  if (saved && typeof saved === 'object') {
    const s = saved as Record<string, unknown>;
    if (typeof s.text === 'string') state.text = s.text;
    if (typeof s.file === 'string') state.file = s.file;
  }
} catch {
  // unreadable or disabled storage: start empty; the editor still works
}

export function editorText(): { text: string; file: string } {
  return { text: state.text, file: state.file };
}

export function setEditorText(text: string, file = state.file): void {
  state.text = text;
  state.file = file;
  try {
    localStorage.setItem(KEY, JSON.stringify({ text, file }));
  } catch {
    // full or disabled storage: the text stays in the page
  }
}

export function setEditorResult(result: LoadResult | null): void {
  state.result = result;
  for (const fn of listeners) fn();
}

/** The editor's scenario when it is valid, for the balance and link pages. */
export function ownScenario(): ScenarioChoice | null {
  const r = state.result;
  return r?.ok ? { scenario: r.scenario, hash: r.hash, yaml: state.text } : null;
}

export function onEditorResult(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
