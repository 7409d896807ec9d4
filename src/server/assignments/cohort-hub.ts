import type { CohortView } from '../../room/assignments.ts';
import type { CohortServerMessage } from '../../room/cohort-live.ts';
import type { Database } from '../db/database.ts';
import { Subscribers } from '../live/subscribers.ts';
import { cohortOf } from './cohort.ts';
import { ASSIGNMENT_CHANNEL } from './events.ts';
import { type AssignmentRow, assignmentById } from './rows.ts';

// HR's open cohort pages on this process, by assignment, and how the cohort's changes
// reach them. A change anywhere (an attempt started, a decision, a finish, an enrolment,
// on this process or another) arrives as a database notification and only marks the
// assignment as changed; the cohort is read again at most once per `coalesceMs`, and each
// page gets one message with the rows that differ from what it was last sent. So 500
// trainees deciding at once cost a few reads and messages a second, not one per decision.
//
// The due date needs no decision to take effect: while someone follows an assignment whose
// due date is ahead, a timer set from the database's clock reads the cohort again just
// after that moment, so "late" appears on its own. The server's clock decides, as it does
// when it refuses a late attempt; the page's clock, which may be wrong, is never asked.

export interface CohortClient {
  send(message: CohortServerMessage): void;
}

interface Followed {
  /** each trainee's row as last sent, as JSON, to tell which rows changed */
  sent: Map<string, string>;
  due: string | null;
  /** the pages that have had the whole cohort and may be sent changes */
  welcomed: Set<CohortClient>;
  /** reads of this cohort, one at a time, so every page gets its messages in order */
  queue: Promise<void>;
  gather: NodeJS.Timeout | null;
  dueTimer: NodeJS.Timeout | null;
}

/** setTimeout's longest wait; a due date further off is looked at again then */
const LONGEST_WAIT_MS = 2 ** 31 - 1;
/** read the cohort this long after the due moment, so the database's clock is past it */
const AFTER_DUE_MS = 50;

export class CohortHub {
  private readonly clients = new Subscribers<CohortClient>();
  private readonly followed = new Map<string, Followed>();

  constructor(
    private readonly db: Database,
    private readonly coalesceMs = 500,
  ) {}

  async start(): Promise<void> {
    await this.db.listen(ASSIGNMENT_CHANNEL, (id) => this.changed(id));
  }

  /** `client` follows the assignment: it gets the whole cohort now, then each change. */
  subscribe(a: AssignmentRow, client: CohortClient): Promise<void> {
    const first = this.clients.add(a.id, client);
    const f = first ? this.follow(a.id) : this.followed.get(a.id)!;
    return this.inTurn(a.id, f, async () => {
      const row = await assignmentById(this.db, a.id);
      const view = await cohortOf(this.db, row);
      if (first) {
        this.remember(f, view);
        this.watchDue(a.id, f, row);
      }
      if (!this.clients.of(a.id)?.has(client)) return;
      f.welcomed.add(client);
      client.send({ type: 'cohort', view });
    });
  }

  unsubscribe(assignmentId: string, client: CohortClient): void {
    const f = this.followed.get(assignmentId);
    f?.welcomed.delete(client);
    if (!this.clients.remove(assignmentId, client) || !f) return;
    if (f.gather) clearTimeout(f.gather);
    if (f.dueTimer) clearTimeout(f.dueTimer);
    this.followed.delete(assignmentId);
  }

  get size(): number {
    return this.clients.size;
  }

  stop(): void {
    for (const id of [...this.followed.keys()]) {
      const f = this.followed.get(id)!;
      if (f.gather) clearTimeout(f.gather);
      if (f.dueTimer) clearTimeout(f.dueTimer);
    }
    this.followed.clear();
  }

  private follow(id: string): Followed {
    const f: Followed = {
      sent: new Map(),
      due: null,
      welcomed: new Set(),
      queue: Promise.resolve(),
      gather: null,
      dueTimer: null,
    };
    this.followed.set(id, f);
    return f;
  }

  private inTurn(id: string, f: Followed, work: () => Promise<void>): Promise<void> {
    f.queue = f.queue
      .then(work)
      .catch((err: Error) => console.error(`cohort ${id}: ${err.message}`));
    return f.queue;
  }

  /** a change was announced: read the cohort once the gathering window closes */
  private changed(id: string): void {
    const f = this.followed.get(id);
    if (!f || f.gather) return;
    f.gather = setTimeout(() => {
      f.gather = null;
      void this.inTurn(id, f, () => this.sendChanges(id, f));
    }, this.coalesceMs);
    f.gather.unref();
  }

  private async sendChanges(id: string, f: Followed): Promise<void> {
    if (this.followed.get(id) !== f) return;
    const a = await assignmentById(this.db, id);
    const view = await cohortOf(this.db, a);
    const changed = view.trainees.filter((t) => f.sent.get(t.trainee) !== JSON.stringify(t));
    const dueMoved = view.assignment.due !== f.due;
    this.remember(f, view);
    this.watchDue(id, f, a);
    if (changed.length === 0 && !dueMoved) return;
    const message: CohortServerMessage = {
      type: 'changes',
      assignment: view.assignment,
      trainees: changed,
    };
    for (const c of f.welcomed) c.send(message);
  }

  private remember(f: Followed, view: CohortView): void {
    f.due = view.assignment.due;
    for (const t of view.trainees) f.sent.set(t.trainee, JSON.stringify(t));
  }

  /** a due date still ahead: read the cohort again just after it passes */
  private watchDue(id: string, f: Followed, a: AssignmentRow): void {
    if (f.dueTimer) clearTimeout(f.dueTimer);
    f.dueTimer = null;
    if (a.due_at === null || a.due_at.getTime() < a.now_ms) return;
    const wait = Math.min(a.due_at.getTime() - a.now_ms + AFTER_DUE_MS, LONGEST_WAIT_MS);
    f.dueTimer = setTimeout(() => {
      f.dueTimer = null;
      this.changed(id);
    }, wait);
    f.dueTimer.unref();
  }
}
