/**
 * How code reads the mode it runs in, and what each reading gives in production: a served deployment
 * runs with `NODE_ENV=production` (Next.js sets it in every build, and hosts and process managers
 * document it), and a Vite build with `import.meta.env.PROD` true.
 */

/** The mode production runs in, as the fields below name it. */
export const productionMode = 'production';

/** The field of an environment object whose value is the mode's name (`process.env.NODE_ENV`, `env.NODE_ENV`). */
export const modeNameField = 'NODE_ENV';

/** The field of `import.meta.env` whose value is the mode's name (Vite's `import.meta.env.MODE`). */
export const viteModeNameField = 'MODE';

/** Flags of `import.meta.env` and what each is in production. */
export const modeFlagsInProduction: ReadonlyMap<string, boolean> = new Map([
  ['DEV', false],
  ['PROD', true],
]);

/** Text a file must hold for any of its tests to read the mode: a cheap exit for the rest. */
export const modeReadMarkers: readonly string[] = [modeNameField, 'import.meta.env'];
