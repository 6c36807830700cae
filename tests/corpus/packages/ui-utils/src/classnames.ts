import memoizeOne from 'memoize-one';

export type ClassValue = string | false | null | undefined | Record<string, boolean>;

function flatten(values: ClassValue[]): string {
  const out: string[] = [];
  for (const value of values) {
    if (!value) continue;
    if (typeof value === 'string') out.push(value);
    else for (const [name, on] of Object.entries(value)) if (on) out.push(name);
  }
  return out.join(' ');
}

export function cx(...values: ClassValue[]): string {
  return flatten(values);
}

/**
 * Builds a variant resolver for a component. The resolver remembers its last input, which is
 * what a re-rendering component asks for again and again.
 */
export function variants<V extends Record<string, Record<string, string>>>(base: string, table: V) {
  return memoizeOne((selection: { [K in keyof V]?: keyof V[K] }) => {
    const parts = [base];
    for (const key of Object.keys(table) as (keyof V)[]) {
      const choice = selection[key];
      if (choice !== undefined) parts.push(table[key][choice as string]);
    }
    return parts.join(' ');
  });
}

export const button = variants('btn', {
  size: { sm: 'btn-sm', md: 'btn-md', lg: 'btn-lg' },
  tone: { primary: 'btn-primary', ghost: 'btn-ghost', danger: 'btn-danger' },
});
