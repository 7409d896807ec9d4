// A Web Storage stand-in for Node, with switches for the ways real storage fails.
export class FakeStorage implements Storage {
  map = new Map<string, string>();
  failWrites: 'quota' | 'security' | null = null;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failWrites === 'quota') throw new DOMException('full', 'QuotaExceededError');
    if (this.failWrites === 'security') throw new DOMException('denied', 'SecurityError');
    this.map.set(key, value);
  }
}
