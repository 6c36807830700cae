import { memoize } from 'eslint-plugin-memo-guard/memoize';

type Rule = 'required' | 'email' | 'url' | `min:${number}` | `max:${number}`;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function compileRule(rule: Rule): (value: unknown) => string | null {
  if (rule === 'required') return (v) => (v === undefined || v === null || v === '' ? 'is required' : null);
  if (rule === 'email') return (v) => (typeof v === 'string' && EMAIL.test(v) ? null : 'must be an email address');
  if (rule === 'url') return (v) => (typeof v === 'string' && URL.canParse(v) ? null : 'must be a URL');
  const [kind, raw] = rule.split(':');
  const limit = Number(raw);
  return kind === 'min'
    ? (v) => (String(v ?? '').length >= limit ? null : `must be at least ${limit} characters`)
    : (v) => (String(v ?? '').length <= limit ? null : `must be at most ${limit} characters`);
}

export const compileRules = memoize((rules: Rule[]) => { // expect: no-unhashable-args
  const checks = rules.map(compileRule);
  return (value: unknown) => checks.map((check) => check(value)).filter((m): m is string => m !== null);
});

export const compileRulesByValue = memoize(
  (rules: Rule[]) => {
    const checks = rules.map(compileRule);
    return (value: unknown) => checks.map((check) => check(value)).find((m) => m !== null) ?? null;
  },
  { key: 'structural' },
);

export const checkDomain = memoize(async (domain: string) => {
  const res = await fetch(`https://dns.google/resolve?name=${encodeURIComponent(domain)}&type=MX`);
  const body = (await res.json()) as { Answer?: unknown[] };
  return (body.Answer?.length ?? 0) > 0;
});

export function validateField(value: unknown, rules: Rule[]): string[] {
  return compileRules(rules)(value);
}

export const signupRules = compileRulesByValue(['required', 'email']);
