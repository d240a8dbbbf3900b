// Why: money reads one way everywhere, on pages and in the messages the rules write ("$250,000", never "250000 USD").

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** An amount of money in whole units of its currency ("$235,000", "€90,000"); a fixed locale, so server and browser agree. */
export function formatMoney(amount: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
    moneyFormats.set(currency, format);
  }
  return format.format(amount);
}

/** A range of money ("$205,000–$265,000"). */
export function formatMoneyRange(range: { min: number; max: number }, currency: string): string {
  return `${formatMoney(range.min, currency)}–${formatMoney(range.max, currency)}`;
}
