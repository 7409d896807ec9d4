import { describe, expect, it } from 'vitest';
import { browserStore } from '../../src/save/storage.ts';
import { FakeStorage } from './fake-storage.ts';

describe('browserStore', () => {
  it('keeps values in the storage it wraps', () => {
    const raw = new FakeStorage();
    const kv = browserStore(() => raw);
    expect(kv.set('a', '1')).toEqual({ ok: true });
    expect(raw.getItem('a')).toBe('1');
    expect(kv.keys()).toEqual(['a']);
    kv.remove('a');
    expect(kv.get('a')).toBeNull();
  });

  it('falls back to memory, and says so, when storage cannot even be reached', () => {
    const kv = browserStore(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(kv.persistent).toBe(false);
    expect(kv.set('a', '1').ok).toBe(true);
    expect(kv.get('a')).toBe('1');
  });

  it('reports a full storage and still lets this page read what it wrote', () => {
    const raw = new FakeStorage();
    const kv = browserStore(() => raw);
    raw.failWrites = 'quota';
    expect(kv.set('a', '1')).toEqual({ ok: false, reason: 'full' });
    expect(kv.get('a')).toBe('1');
    expect(kv.keys()).toContain('a');
    raw.failWrites = 'security';
    expect(kv.set('b', '2')).toEqual({ ok: false, reason: 'unavailable' });
    raw.failWrites = null;
    expect(kv.set('a', '3')).toEqual({ ok: true });
    expect(raw.getItem('a')).toBe('3');
  });
});
