import type { LmsConfig } from '../config.ts';
import { readLaunch } from './launch.ts';
import { type LaunchData, passMarkOf, readLaunchData } from './launch-data.ts';
import { fetchAuthToken, LrsError, lrsClient } from './lrs.ts';
import {
  emptyDoc,
  type KeptStore,
  Outbox,
  PROGRESS_STATE,
  type ProgressDoc,
  readDoc,
  readMemo,
  type SessionMemo,
  writeMemo,
} from './outbox.ts';
import { type Cmi5Deps, Cmi5Session, LAUNCH_DATA } from './session.ts';

// The start of a cmi5 launch, before the game picks its market: read the launch address,
// take the token from the fetch URL (once per launch: a reload of the page reuses it), read
// LMS.LaunchData and our progress document. A broken launch or a refused token ends here
// with a reason for the learner; an LRS that does not answer does not: the session starts
// from what this device kept and tries again later.

export interface Cmi5Page {
  search: string;
  /** localStorage: statements and progress not yet taken, per registration */
  kept: KeptStore | null;
  /** sessionStorage: this launch's token and what it sent, across a reload */
  launchMemo: KeptStore | null;
}

export type Cmi5Connection =
  | { ok: true; lms: Cmi5Session; config: LmsConfig }
  | { ok: false; error: string };

const why = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function connectCmi5(
  page: Cmi5Page,
  config: LmsConfig,
  deps: Omit<Cmi5Deps, 'remember'>,
): Promise<Cmi5Connection> {
  const read = readLaunch(page.search);
  if (!read.ok) return read;
  const { launch } = read;
  const memoKey = `tow-cmi5-launch:${launch.fetchUrl}`;
  const memo: SessionMemo = readMemo(page.launchMemo, memoKey) ?? {
    token: null,
    started: deps.now(),
    verbs: [],
  };
  const outbox = new Outbox(page.kept, `tow-cmi5:${launch.registration}:${launch.activityId}`);

  let token = memo.token;
  let data: LaunchData | null = null;
  let doc: ProgressDoc | null = null;
  try {
    token ??= await fetchAuthToken(deps.fetch, launch.fetchUrl);
    memo.token = token;
    const lrs = lrsClient(deps.fetch, launch, token);
    const launchData = readLaunchData(await lrs.getState(LAUNCH_DATA));
    if (!launchData.ok) return launchData;
    data = launchData.data;
    doc = readDoc(await lrs.getState(PROGRESS_STATE));
  } catch (err) {
    if (!(err instanceof LrsError) || !err.retry) return { ok: false, error: why(err) };
    // down for now: play on what this device kept, and send when it answers
  }
  const remember = (m: SessionMemo) => writeMemo(page.launchMemo, memoKey, m);
  remember(memo);
  const link = {
    launch,
    token,
    data,
    // what this device has not sent yet is newer than what the LRS holds
    doc: outbox.kept.state ?? doc ?? emptyDoc(),
    memo,
  };
  const lms = new Cmi5Session(link, outbox, { ...deps, remember });
  const mastery = data?.masteryScore;
  return {
    ok: true,
    lms,
    config: mastery === undefined ? config : { ...config, passMark: passMarkOf(mastery) },
  };
}
