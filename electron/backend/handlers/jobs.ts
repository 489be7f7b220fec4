// Background jobs: progress and cancel. The jobs themselves are started by their module's
// methods (geo.studies.run, geo.import.inspect) through ctx.jobs.
import type { JobResults, JobView } from '../../api/jobs-methods.js';
import type { HandlerMap } from '../context.js';

export const jobHandlers: Pick<HandlerMap, keyof JobResults> = {
  'jobs.status': async ({ jobId }, ctx) => ctx.jobs.status(jobId) as JobView,
  'jobs.cancel': async ({ jobId }, ctx) => ({ cancelled: await ctx.jobs.cancel(jobId) }),
};
