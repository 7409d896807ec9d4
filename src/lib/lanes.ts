// Many jobs on a few workers (census threads in Node, census workers in the browser): each
// lane takes the next job as soon as its last is answered, so a lane that a busy machine
// slows down simply takes fewer. The answers come back in the jobs' order.

/**
 * Each job's answer from `run`, in the jobs' order, on `lanes` lanes at once; `run` is told
 * the job's lane and its place in the list. The first failure rejects the whole and no lane
 * takes another job; callers stop their workers.
 */
export async function inLanes<J, R>(
  jobs: readonly J[],
  lanes: number,
  run: (job: J, lane: number, index: number) => Promise<R>,
): Promise<R[]> {
  if (!(lanes >= 1)) throw new RangeError(`inLanes needs at least one lane, not ${lanes}`);
  const answers = new Array<R>(jobs.length);
  let next = 0;
  let failed = false;
  const lane = async (k: number): Promise<void> => {
    while (next < jobs.length && !failed) {
      const i = next++;
      try {
        answers[i] = await run(jobs[i]!, k, i);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const count = Math.max(1, Math.min(lanes, jobs.length));
  await Promise.all(Array.from({ length: count }, (_, k) => lane(k)));
  return answers;
}
