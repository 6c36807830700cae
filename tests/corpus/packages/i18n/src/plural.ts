import memoize from 'micro-memoize';
import { dequal } from 'dequal';

export interface MessageDescriptor {
  id: string;
  zero?: string;
  one: string;
  other: string;
}

type Catalog = Record<string, MessageDescriptor>;

// Catalog objects are re-created on every hot reload; compare them by value.
const compileCatalog = memoize(
  (catalog: Catalog, locale: string) => {
    const rules = new Intl.PluralRules(locale);
    const compiled = new Map<string, (n: number) => string>();
    for (const [id, message] of Object.entries(catalog)) {
      compiled.set(id, (n) => {
        if (n === 0 && message.zero) return message.zero.replace('{n}', String(n));
        const form = rules.select(n) === 'one' ? message.one : message.other;
        return form.replace('{n}', String(n));
      });
    }
    return compiled;
  },
  { isEqual: dequal, maxSize: 4 },
);

export function plural(catalog: Catalog, locale: string, id: string, n: number): string {
  const fn = compileCatalog(catalog, locale).get(id);
  if (!fn) throw new Error(`missing plural message ${id}`);
  return fn(n);
}
