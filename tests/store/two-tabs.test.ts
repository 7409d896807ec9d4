import { describe, expect, it } from 'vitest';
import { saveKey } from '../../src/save/format.ts';
import { saveBook } from '../../src/save/saves.ts';
import { browserStore } from '../../src/save/storage.ts';
import type { MarketLock, MarketLockEvents } from '../../src/store/market-lock.ts';
import { FakeStorage } from '../save/fake-storage.ts';
import { bundled, ONE_ATTEMPT, storeThatSaves, tutorial } from './helpers.ts';

// Two tabs of one browser on one market: one plays, the other says so and may take over.
// The locks here behave as the browser's Web Locks do (src/app/tab-lock.ts): a claim is
// refused while another tab holds the market, and a take-over tells the holder at once.

function browserLocks(): () => MarketLock {
  const holders = new Map<string, { tab: object; events: MarketLockEvents }>();
  return () => {
    const tab = {};
    const release = () => {
      for (const [key, h] of holders) if (h.tab === tab) holders.delete(key);
    };
    return {
      release,
      claim(key, takeOver, events) {
        release();
        const holder = holders.get(key);
        if (holder && !takeOver) return events.busy();
        holders.set(key, { tab, events });
        holder?.events.lost();
        events.held();
      },
    };
  };
}

const assignment = ONE_ATTEMPT;

/** Two tabs of one browser: one storage, one lock manager. */
function twoTabs() {
  const raw = new FakeStorage();
  const newTab = browserLocks();
  const tab = () =>
    storeThatSaves({
      scenarios: bundled,
      saves: saveBook(browserStore(() => raw)),
      newSeed: () => '1',
      now: () => 1,
      lock: newTab(),
    });
  return { raw, first: tab(), second: tab() };
}

describe('one market in two tabs', () => {
  it('lets one tab play, tells the other, uses no attempt twice, and hands over on request', () => {
    const { raw, first, second } = twoTabs();
    const situation = tutorial.scenario.situations[0]!;
    const key = saveKey('tutorial', tutorial.hash, '8', 'hr-1');

    first.getState().startMarket('tutorial', '8', assignment);
    first.getState().beginQuarters();
    first.getState().choose(situation.choices[0]!.id);
    expect(first.getState().context).toMatchObject({ attempt: 1 });

    // the same assignment link in a second tab
    second.getState().startMarket('tutorial', '8', assignment);
    expect(second.getState().screen).toBe('elsewhere');
    second.getState().beginQuarters();
    second.getState().choose(situation.choices[1]!.id);
    expect(JSON.parse(raw.getItem(key)!).choices).toEqual([situation.choices[0]!.id]);
    expect(raw.getItem('tow.attempts.v1.hr-1.t1')).toBe('1');

    // the second tab takes over: it goes on from the first tab's decision
    second.getState().takeOver();
    expect(second.getState().screen).toBe('play');
    expect(second.getState().sim?.choices).toEqual([situation.choices[0]!.id]);
    expect(second.getState().context).toMatchObject({ attempt: 1 });
    expect(first.getState().screen).toBe('elsewhere');
    // the first tab's clicks now change nothing
    first.getState().nextQuarter();
    first.getState().choose(situation.choices[1]!.id);
    expect(JSON.parse(raw.getItem(key)!).choices).toEqual([situation.choices[0]!.id]);
    expect(raw.getItem('tow.attempts.v1.hr-1.t1')).toBe('1');
  });

  it('lets the market go when the tab leaves it for the title', () => {
    const { first, second } = twoTabs();
    first.getState().startMarket('tutorial', '8', { kind: 'practice' });
    first.getState().showTitle();
    second.getState().startMarket('tutorial', '8', { kind: 'practice' });
    expect(second.getState().screen).toBe('briefing');
  });
});
