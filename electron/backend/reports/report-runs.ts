// Which checklist run of a listing the tenant report shows, per template — the default rule
// (a manager's own choice, when the UI offers one, goes on top of it):
//   1. the latest *completed* run (by completion time), and the report says so;
//   2. when none is completed, the latest run that has answers, marked as not completed;
//   3. a run without a single answer is never printed as a result (starting a new 현장점검
//      must not hide the 위험 finding of the completed one).
export interface RunCandidate {
  id: string;
  template_id: string;
  status: string;
  started_at: string;
  completed_at: string | null;
  answer_count: number;
}

export type ReportRunBasis = 'completed' | 'in-progress';

export interface ReportRunChoice {
  runId: string;
  templateId: string;
  basis: ReportRunBasis;
}

export function reportRuns(runs: readonly RunCandidate[]): ReportRunChoice[] {
  const byTemplate = new Map<string, RunCandidate[]>();
  for (const r of runs) byTemplate.set(r.template_id, [...(byTemplate.get(r.template_id) ?? []), r]);
  const out: ReportRunChoice[] = [];
  for (const [templateId, list] of byTemplate) {
    const completed = list
      .filter((r) => r.status === 'completed')
      .sort((a, b) => (b.completed_at ?? b.started_at).localeCompare(a.completed_at ?? a.started_at));
    if (completed.length > 0) {
      out.push({ runId: completed[0].id, templateId, basis: 'completed' });
      continue;
    }
    const answered = list.filter((r) => r.answer_count > 0).sort((a, b) => b.started_at.localeCompare(a.started_at));
    if (answered.length > 0) out.push({ runId: answered[0].id, templateId, basis: 'in-progress' });
  }
  return out;
}

/** What the report says about the run it shows. */
export function reportRunNote(basis: ReportRunBasis, locale: 'ko' | 'en'): string {
  if (basis === 'completed') return locale === 'ko' ? '가장 최근에 완료된 점검' : 'Latest completed check';
  return locale === 'ko' ? '완료되지 않은 점검 (진행 중 기록, 결과 아님)' : 'Not completed (in progress, not a result)';
}
