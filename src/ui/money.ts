import { type ScenarioDef, showsMoney } from '../sim/index.ts';
import { MINUS } from './numbers.ts';

// Money on screen: the model counts in thousands; a scenario that names its currency
// (ISO 4217) has its revenue and profit shown in it, "€2.4M", through Intl.NumberFormat,
// so symbols and separators are the browser's, never text from the scenario file.

export interface MoneyFormat {
  /** an amount in thousands: "€2.4M", or "2400k" without a currency */
  value(thousands: number): string;
  /** a change in thousands, always signed: "+€120K", "−€35K", "±0k" (sign joined to it) */
  delta(thousands: number): string;
  /**
   * Two amounts in thousands shown side by side (before → after, your game and the
   * what-if): where they are whole thousands apart, both get the digits it takes to tell
   * them apart, "€1.15M → €1.22M" rather than "€1.2M → €1.2M" beside "+€67K".
   */
  pair(a: number, b: number): [string, string];
}

const THOUSANDS: MoneyFormat = {
  value: (v) => `${Math.round(v)}k`,
  delta: (d) => {
    const r = Math.round(d);
    return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r)}k`;
  },
  // whole thousands: two that differ read differently
  pair: (a, b) => [THOUSANDS.value(a), THOUSANDS.value(b)],
};

/** Most decimals a compact amount is given to tell two apart ("€1.153M"; a billion needs six). */
const MOST_DIGITS = 6;

const formats = new Map<string, MoneyFormat>();

export function moneyFormat(scenario: ScenarioDef): MoneyFormat {
  const code = scenario.currency;
  if (code === undefined) return THOUSANDS;
  let f = formats.get(code);
  if (!f) {
    const plain = new Intl.NumberFormat('en', {
      style: 'currency',
      currency: code,
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    });
    const withDigits = (digits: number) =>
      new Intl.NumberFormat('en', {
        style: 'currency',
        currency: code,
        notation: 'compact',
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    const value = (v: number, format = plain) => format.format(v * 1000).replace('-', MINUS);
    f = {
      value: (v) => value(v),
      delta: (d) => {
        const shown = plain.format(Math.abs(d) * 1000);
        if (shown === plain.format(0)) return `±${shown}`;
        // a word joiner keeps the sign on the line of the amount in a narrow column
        return `${d > 0 ? '+' : MINUS}\u2060${shown}`;
      },
      pair: (a, b) => {
        const shown: [string, string] = [value(a), value(b)];
        // the same at the change's precision (whole thousands), or already told apart
        if (Math.round(a) === Math.round(b) || shown[0] !== shown[1]) return shown;
        for (let digits = 2; digits <= MOST_DIGITS; digits++) {
          const format = withDigits(digits);
          const more: [string, string] = [value(a, format), value(b, format)];
          if (more[0] !== more[1]) return more;
        }
        return shown;
      },
    };
    formats.set(code, f);
  }
  return f;
}

/** Whether a scenario's screens show profit: it names a currency, a margin, costs or a leech. */
export function showsProfit(scenario: ScenarioDef): boolean {
  return showsMoney(scenario);
}
