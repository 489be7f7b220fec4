// One unreadable row never breaks a list: a row whose encrypted fields cannot be read (damaged
// token, a key file lost) is left out of the list, remembered for `session.status`
// (`unreadable`), and logged with its table and id and the error's kind — never the row's
// content or the error's text, which may hold personal data.
import type { HandlerContext } from './context.js';

export interface UnreadableRecord {
  entity: string;
  id: string;
  at: string;
}

const seen = new WeakMap<object, Map<string, UnreadableRecord>>();

function note(ctx: HandlerContext, entity: string, id: string, e: unknown) {
  const map = seen.get(ctx.session) ?? new Map<string, UnreadableRecord>();
  seen.set(ctx.session, map);
  const key = `${entity}:${id}`;
  if (!map.has(key)) {
    console.error(`[backend] skipped an unreadable ${entity} row ${id} (${e instanceof Error ? e.name : typeof e})`);
  }
  map.set(key, { entity, id, at: ctx.now().toISOString() });
}

/** Views every row, skipping (and reporting) the ones that cannot be read. */
export function viewEach<R extends { id: string }, V>(ctx: HandlerContext, entity: string, rows: readonly R[], view: (r: R) => V): V[] {
  const out: V[] = [];
  for (const r of rows) {
    try {
      out.push(view(r));
    } catch (e) {
      note(ctx, entity, r.id, e);
    }
  }
  return out;
}

/** The async form of viewEach. */
export async function viewEachAsync<R extends { id: string }, V>(
  ctx: HandlerContext,
  entity: string,
  rows: readonly R[],
  view: (r: R) => Promise<V>,
): Promise<V[]> {
  const out: V[] = [];
  for (const r of rows) {
    try {
      out.push(await view(r));
    } catch (e) {
      note(ctx, entity, r.id, e);
    }
  }
  return out;
}

/** Rows skipped as unreadable since the backend started. */
export function unreadableRecords(ctx: HandlerContext): UnreadableRecord[] {
  return [...(seen.get(ctx.session)?.values() ?? [])];
}
