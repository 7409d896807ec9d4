import { copyingWords, dealtNextWords } from './copying.ts';
import { ADVICE_LINK, COPYING_FIX, DEALT_NEXT_FIX, policyPlayer } from './gate-words.ts';
import { GATE_TARGETS, type GateReport, type GateVerdict } from './gates.ts';

// The balance gates in plain words for a facilitator: the verdict first, then what each
// gate measured and why it matters, then the details a scenario author tunes from.

const f1 = (x: number) => x.toFixed(1);
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A gate as its question, the answer with its figures, and what to change when it fails. */
function gateLines(g: GateVerdict): string[] {
  const lines = [
    `- ${g.pass ? 'PASS' : 'FAIL'}: **${g.question}** ${g.pass ? 'Yes' : 'No'}: ${g.why}.`,
  ];
  if (g.fix) lines.push(`  *What to change:* ${g.fix} ([more](${ADVICE_LINK}))`);
  return lines;
}

export function gatesMarkdown(r: GateReport): string {
  const out: string[] = [];
  out.push(`# Balance gates: ${r.scenario.title} (\`${r.scenario.id}\`)`, '');
  out.push(
    `Every one of the ${r.strategies.toLocaleString('en')} ways to play this scenario, on each of ${r.seeds} seeds.`,
    '',
  );
  out.push(
    r.pass
      ? '**Verdict: the scenario passes every gate.** No way of playing that reads labels, positions or only the next quarter comes near the best path, and which reply is best depends on the situation the player has built.'
      : `**Verdict: ${r.gates.filter((g) => !g.pass).length} of ${r.gates.length} gates fail.** The scenario can be won, at least in part, without judgement; see below what to change.`,
    '',
  );
  for (const g of r.gates) out.push(...gateLines(g));
  out.push(
    '',
    `Beside the gates, on the first ${r.copying.markets} markets, each one's best path played on every other:`,
    '',
    `- ${r.copying.variants === 0 ? 'NOTE' : r.copying.pass ? 'PASS' : 'FAIL'}: **copying a colleague's replies**: ${copyingWords(r.copying)}.`,
  );
  if (r.copying.variants > 0 && !r.copying.pass) {
    out.push(`  *What to change:* ${COPYING_FIX} ([more](${ADVICE_LINK}))`);
  }
  if (r.copying.dealtNext.length > 0) {
    const passing = r.copying.dealtNext.some((d) => d.passing > 0);
    out.push(
      `- ${passing ? 'WATCH' : 'PASS'}: **a copy on the next starting situation dealt**: ${dealtNextWords(r.copying)}.`,
    );
    if (passing) out.push(`  *What to change:* ${DEALT_NEXT_FIX} ([more](${ADVICE_LINK}))`);
  }
  out.push('', '## Ways of playing without judgement', '');
  out.push(
    `Each must stay at or below the ${GATE_TARGETS.policyPercentile}th percentile of all strategies on its seeds (median), and at least ${GATE_TARGETS.policyGap} points under the best path on average (best path: ${f1(r.bestMean)}).`,
    '',
  );
  out.push('| way of playing | mean score | median percentile | under the best path | gate |');
  out.push('|---|---|---|---|---|');
  for (const p of r.policies) {
    out.push(
      `| ${policyPlayer(p.policy)} | ${f1(p.meanScore)} | ${p.medianPercentile.toFixed(0)} | ${f1(p.gap)} | ${p.pass ? 'pass' : 'FAIL'} |`,
    );
  }
  if (r.switching) {
    const p = r.switching.worst;
    out.push(
      `| ${policyPlayer(p.policy)} (the strongest of the ${r.switching.rules} rules that change style once${r.switching.failing > 0 ? `; ${r.switching.failing} fail` : ''}) | ${f1(p.meanScore)} | ${p.medianPercentile.toFixed(0)} | ${f1(p.gap)} | ${p.pass ? 'pass' : 'FAIL'} |`,
    );
  }
  out.push(
    `| ${policyPlayer('random')} (for comparison) | ${f1(r.random.meanScore)} | ${r.random.medianPercentile.toFixed(0)} | ${f1(r.bestMean - r.random.meanScore)} | — |`,
  );
  out.push('', '## Situation by situation', '');
  out.push(
    `A context is a seed and the replies at every other decision. "Wins" is the share of contexts in which a reply gives the highest final score, and "lead" how far ahead it is there on average. A situation teaches judgement when its usual winner loses in at least ${pct(GATE_TARGETS.contextShare)} of contexts; "top 10%" counts the seeds on which some top-decile strategy takes the reply.`,
    '',
  );
  for (const s of r.situations) {
    const judged = s.usualWrong >= GATE_TARGETS.contextShare;
    out.push(
      `### ${s.title} (\`${s.situation}\`${s.kind ? `, ${s.kind}` : ''}): usual winner loses in ${pct(s.usualWrong)} of contexts${judged ? '' : ' (a fixed answer)'}`,
      '',
    );
    out.push('| reply | style | wins | lead | top 10% |');
    out.push('|---|---|---|---|---|');
    for (const x of s.replies) {
      out.push(
        `| ${x.label} (\`${x.choice}\`) | ${x.style} | ${pct(s.contexts ? x.wins / s.contexts : 0)} | ${f1(x.meanLead)} | ${x.liveSeeds} of ${r.seeds} seeds |`,
      );
    }
    out.push('');
  }
  out.push('## Luck', '');
  out.push(
    `The seed explains ${pct(r.seedShare)} of the variance of scores (at most ${pct(GATE_TARGETS.seedShare)}). Events, and the share of games in which each fires:`,
    '',
  );
  for (const e of r.events) out.push(`- ${e.title} (\`${e.id}\`): ${pct(e.share)}`);
  out.push('', '## Best paths', '');
  for (const b of r.bestPaths) {
    out.push(`- seed ${b.seed}, score ${f1(b.score)}: ${b.choices.join(' → ')}`);
  }
  out.push('', `Worked out in ${(r.elapsedMs / 1000).toFixed(1)} s.`, '');
  return out.join('\n');
}
