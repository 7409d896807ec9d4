import { type ScenarioDef, showsMoney } from '../sim/index.ts';

// Money on screen: the model counts in thousands; a scenario that names its currency
// (ISO 4217) has its revenue and profit shown in it, "€2.4M", through Intl.NumberFormat,
// so symbols and separators are the browser's, never text from the scenario file.

export interface MoneyFormat {
  /** an amount in thousands: "€2.4M", or "2400k" without a currency */
  value(thousands: number): string;
  /** a change in thousands, always signed: "+€120K", "−€35K", "±0k" (sign joined to it) */
  delta(thousands: number): string;
}

const THOUSANDS: MoneyFormat = {
  value: (v) => `${Math.round(v)}k`,
  delta: (d) => {
    const r = Math.round(d);
    return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r)}k`;
  },
};

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
    f = {
      value: (v) => plain.format(v * 1000).replace('-', '−'),
      delta: (d) => {
        const shown = plain.format(Math.abs(d) * 1000);
        if (shown === plain.format(0)) return `±${shown}`;
        // a word joiner keeps the sign on the line of the amount in a narrow column
        return `${d > 0 ? '+' : '−'}\u2060${shown}`;
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
