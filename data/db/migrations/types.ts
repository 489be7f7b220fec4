import type { Queryable } from '../sqlite.js';

/** One schema step. Published migrations never change; fixes come as new migrations. */
export interface Migration {
  id: number;
  name: string;
  up(db: Queryable): Promise<void>;
}
