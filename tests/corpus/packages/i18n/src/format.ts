import memoize from 'fast-memoize';

export type Locale = 'en-US' | 'en-GB' | 'de-DE' | 'fr-FR' | 'ja-JP';

// Intl constructors are expensive; formatters are reused per locale and option set.
export const numberFormat = memoize( // expect: no-unhashable-args
  (locale: Locale, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options),
);

export const relativeDay = memoize((date: Date, locale: Locale) => { // expect: no-unhashable-args, no-side-effect-memoize
  const days = Math.round((date.getTime() - Date.now()) / 86_400_000);
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
});

export const listFormat = memoize(
  (locale: Locale, style: { type: 'conjunction' | 'disjunction'; style: 'long' | 'short' }) =>
    new Intl.ListFormat(locale, style),
);

export const pluralRules = memoize((locale: Locale) => new Intl.PluralRules(locale), {
  serializer: (args) => String(args[0]),
});

export function formatPrice(cents: number, currency: string, locale: Locale = 'en-US') {
  return numberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

export function formatList(items: string[], locale: Locale = 'en-US') {
  return listFormat(locale, { type: 'conjunction', style: 'long' }).format(items);
}
