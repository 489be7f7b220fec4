// The preload's allow-list of API methods. A sandboxed preload can only load `electron` and a
// few Node built-ins, so it must not import `../api/methods.js` (that pulls zod in). Instead
// main, which already holds the authoritative `METHODS`, hands the list to the preload as one
// `webPreferences.additionalArguments` entry (appended to the renderer's `process.argv`).
// There is no second, hand-kept copy that could drift; a missing or garbled argument yields an
// empty list, so the bridge fails closed.

export const METHODS_ARG_PREFIX = '--ansim-api-methods=';

/** API method names look like `clients.list`, `session.setLockAfter`, `geo.site.import`. */
const METHOD_NAME = /^[a-z][A-Za-z0-9_-]*(\.[a-z][A-Za-z0-9_-]*)+$/;

/** The `additionalArguments` entry that carries the allow-list. */
export function encodeMethodsArg(methods: readonly string[]): string {
  for (const m of methods) {
    if (!METHOD_NAME.test(m)) throw new Error(`Not an API method name: ${JSON.stringify(m)}`);
  }
  return METHODS_ARG_PREFIX + methods.join(',');
}

/** Reads the allow-list back from `process.argv`; names that are not method-shaped are dropped. */
export function readMethodsArg(argv: readonly string[]): ReadonlySet<string> {
  const arg = argv.find((a) => a.startsWith(METHODS_ARG_PREFIX));
  if (!arg) return new Set();
  return new Set(
    arg
      .slice(METHODS_ARG_PREFIX.length)
      .split(',')
      .filter((m) => METHOD_NAME.test(m)),
  );
}
