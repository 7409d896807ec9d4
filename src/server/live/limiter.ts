// A per-connection cap on messages: at most `max` in any window of `windowMs`, counted in
// fixed windows. One socket's flood costs that socket alone: over the cap it is closed with
// an error, and everyone else's messages are served as before.

export function windowLimiter(max: number, windowMs: number, clock: () => number = Date.now) {
  let windowStart = clock();
  let count = 0;
  return {
    /** true if one more message fits */
    take(): boolean {
      const now = clock();
      if (now - windowStart >= windowMs) {
        windowStart = now;
        count = 0;
      }
      count++;
      return count <= max;
    },
  };
}
