import { beforeEach, describe, expect, it } from 'vitest';
import type { WorkshopLink } from '../../src/links/links.ts';
import {
  keepOpenedWorkshop,
  knownWorkshop,
  openedWorkshops,
  openOnDashboard,
  saveWorkshop,
  setOpenOnDashboard,
} from '../../src/workshop/sessions.ts';

// What the dashboard finds again after a reload: the workshops made here, those opened
// from a pasted link, and which one was open.

class MemoryStorage {
  private items = new Map<string, string>();
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.items.set(k, v);
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
}

const link = (session: string, name = session): WorkshopLink => ({
  kind: 'workshop',
  name,
  session,
  seed: '7',
  scenario: 'silos',
});

beforeEach(() => {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
});

describe('workshops opened from a pasted link', () => {
  it('are kept, the latest first, once per session', () => {
    keepOpenedWorkshop(link('berlin', 'Berlin, first paste'));
    keepOpenedWorkshop(link('lyon'));
    keepOpenedWorkshop(link('berlin', 'Berlin, pasted again'));
    expect(openedWorkshops().map((l) => l.name)).toEqual(['Berlin, pasted again', 'lyon']);
  });

  it('are found by session beside those made here, and the open one is remembered', () => {
    saveWorkshop({ link: link('own'), url: 'https://x/#w=1', created: '2026-12-07T09:00:00Z' });
    keepOpenedWorkshop(link('pasted'));
    expect(knownWorkshop('own')?.session).toBe('own');
    expect(knownWorkshop('pasted')?.session).toBe('pasted');
    expect(knownWorkshop('nowhere')).toBeNull();
    expect(openOnDashboard()).toBeNull();
    setOpenOnDashboard('pasted');
    expect(openOnDashboard()).toBe('pasted');
  });

  it('read nothing from a damaged store, and never throw', () => {
    localStorage.setItem('tow.workshop.opened.v1', '{not json');
    expect(openedWorkshops()).toEqual([]);
    localStorage.setItem('tow.workshop.opened.v1', JSON.stringify([{ kind: 'assignment' }, 3]));
    expect(openedWorkshops()).toEqual([]);
  });
});
