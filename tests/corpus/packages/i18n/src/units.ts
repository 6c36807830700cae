import memoizee from 'memoizee';

interface UnitOptions {
  unit: 'kilometer' | 'mile' | 'celsius' | 'fahrenheit';
  display: 'short' | 'long' | 'narrow';
}

// Formatters are costly to build; primitive mode is memoizee's fast path.
export const unitFormatter = memoizee( // expect: no-unhashable-args
  ({ unit, display }: UnitOptions) => new Intl.NumberFormat('en', { style: 'unit', unit, unitDisplay: display }),
  { primitive: true, max: 20 },
);

export const pluralRules = memoizee((locale: string) => new Intl.PluralRules(locale), { primitive: true, max: 50 });

export const listFormat = memoizee((locales: string[]) => new Intl.ListFormat(locales, { type: 'conjunction' }), { primitive: true, max: 50 });

export function formatDistance(km: number, unit: UnitOptions['unit'] = 'kilometer'): string {
  return unitFormatter({ unit, display: 'short' }).format(unit === 'mile' ? km / 1.609344 : km);
}
