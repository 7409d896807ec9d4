// Market share from the customer's position: the one place that rule lives. Position runs
// from -1 (all the competitors') to +1 (all ours), so share is the fraction of the way to us.
export function shareOf(position: number): number {
  return (1 + position) / 2;
}

/** Share in whole percent, as every screen shows it. */
export function sharePercent(position: number): number {
  return Math.round(shareOf(position) * 100);
}
