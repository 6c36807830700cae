/**
 * ESLint warns, once per `new ESLint()`, that a `.eslintignore` file is no longer supported. The
 * user of memo-guard never asked for ESLint, and memo-guard reads that file itself (see
 * gitignore.ts), so the warning is noise: it is dropped. Every other process warning goes through.
 */
const dropped = new Set(['ESLintIgnoreWarning']);

function warningType(rest: readonly unknown[]): string | undefined {
  const [first] = rest;
  if (typeof first === 'string') return first;
  if (typeof first === 'object' && first !== null) {
    const type = (first as { type?: unknown }).type;
    return typeof type === 'string' ? type : undefined;
  }
  return undefined;
}

let installed = false;

/** Call before the first `new ESLint()`: ESLint reads `process.emitWarning` when it is constructed. */
export function muteESLintIgnoreWarning(): void {
  if (installed) return;
  installed = true;
  const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const type = warning instanceof Error ? warning.name : warningType(rest);
    if (type !== undefined && dropped.has(type)) return;
    emit(warning, ...rest);
  });
}
