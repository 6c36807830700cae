/**
 * React's effect hooks: the callback runs once per run of the effect (a mount, a change of its
 * dependencies), and what it declares lives for that run, as a call's locals live for the call.
 */
export const effectHooks: ReadonlySet<string> = new Set(['useEffect', 'useLayoutEffect', 'useInsertionEffect']);
