// This process's open sockets, grouped by what they follow (a room's code, an assignment's
// id): the one bookkeeping both live channels share.

export class Subscribers<C> {
  private readonly groups = new Map<string, Set<C>>();

  /** adds `client`; true when it is the first of its group */
  add(key: string, client: C): boolean {
    const set = this.groups.get(key);
    if (set) {
      set.add(client);
      return false;
    }
    this.groups.set(key, new Set([client]));
    return true;
  }

  /** removes `client`; true when its group is now empty (and gone) */
  remove(key: string, client: C): boolean {
    const set = this.groups.get(key);
    set?.delete(client);
    if (set?.size !== 0) return false;
    this.groups.delete(key);
    return true;
  }

  of(key: string): ReadonlySet<C> | undefined {
    return this.groups.get(key);
  }

  drop(key: string): void {
    this.groups.delete(key);
  }

  get size(): number {
    let n = 0;
    for (const set of this.groups.values()) n += set.size;
    return n;
  }
}
