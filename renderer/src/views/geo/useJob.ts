// Follows a background job (jobs.status) for a progress bar, and cancels it on request.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobView } from '../../../../electron/api/jobs-methods.js';
import { api } from '../../api/client.js';

export function useJob(onDone: (job: JobView) => void) {
  const [job, setJob] = useState<JobView | null>(null);
  const done = useRef(onDone);
  done.current = onDone;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const follow = useCallback((jobId: string) => {
    const tick = async () => {
      const j = await api('jobs.status', { jobId });
      setJob(j);
      if (j.state === 'running') timer.current = setTimeout(tick, 250);
      else done.current(j);
    };
    void tick();
  }, []);

  const cancel = useCallback(async () => {
    if (!job) return;
    if (timer.current) clearTimeout(timer.current);
    await api('jobs.cancel', { jobId: job.jobId });
    const j = await api('jobs.status', { jobId: job.jobId });
    setJob(j);
    done.current(j);
  }, [job]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  return { job, follow, cancel, reset: () => setJob(null) };
}
