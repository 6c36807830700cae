/**
 * React's effect hooks: the callback runs once per run of the effect (a mount, a change of its
 * dependencies), and what it declares lives for that run, as a call's locals live for the call.
 */
export const effectHooks: ReadonlySet<string> = new Set(['useEffect', 'useLayoutEffect', 'useInsertionEffect']);

/**
 * Hooks whose callback a render does not run: the effects (run after a browser commits the render,
 * never on a server) and `useCallback` (handed back for the component to call later).
 */
export const callbackLaterHooks: ReadonlySet<string> = new Set([...effectHooks, 'useCallback']);

/** A JSX prop that takes an event handler (`onClick`, `onSubmit`, `onValueChange`): run by the browser on an event. */
export const eventPropPattern = /^on[A-Z]/;

/** The hook that keeps a component's state: its first render on a server holds the initial value. */
export const stateHook = 'useState';

/** Globals a browser has and a server does not: `typeof window === 'undefined'` holds on a server. */
export const browserOnlyGlobals: ReadonlySet<string> = new Set(['window', 'document', 'navigator', 'localStorage']);

/**
 * A loader of components that a server's render leaves out: Next.js's `dynamic(() => import(…), {
 * ssr: false })` renders only its `loading` fallback on a server, never the component or its children.
 */
export const clientOnlyLoader = { callee: 'dynamic', option: 'ssr' } as const;
