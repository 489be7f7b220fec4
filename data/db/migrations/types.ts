import type { Queryable } from '../sqlite.js';

/**
 * One schema step. Published migrations never change; fixes come as new migrations. Each file
 * spells out its own columns (even the shared metadata ones) rather than importing them, so that
 * editing a shared constant can never silently rewrite a migration that already ran.
 */
export interface Migration {
  id: number;
  name: string;
  up(db: Queryable): Promise<void>;
}
