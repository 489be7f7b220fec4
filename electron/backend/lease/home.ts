// The desk's home screen: what is due for the signed-in manager — today's and this week's
// viewings, open timeline steps due within 7 days or overdue, consents whose retention ends
// within 30 days, checklist runs left open, recent clients — each with the case it opens.
// Every list is one indexed query bounded by a LIMIT; only the names shown are decrypted.
import { RETENTION_WARNING_DAYS } from '../../api/domain.js';
import type { DeskHomeView, HomeItem } from '../../api/lease-methods.js';
import { addDays } from '../../../checklists/common/seoul-time.js';
import { anonymousLabel } from '../../../data/repos/clients.js';
import type { HandlerContext } from '../context.js';
import { STEP_TITLES } from './step-titles.js';

const LIMIT = 50;
/** How far back an unticked step still shows as overdue on the home screen. */
export const OVERDUE_DAYS = 90;

/** Monday of the week of `date` (Seoul calendar). */
export function mondayOf(date: string): string {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((wd + 6) % 7));
}

export async function deskHome(ctx: HandlerContext, weekOf?: string): Promise<DeskHomeView> {
  const today = ctx.today();
  const weekFrom = mondayOf(weekOf ?? today);
  const weekTo = addDays(weekFrom, 6);
  const me = ctx.session.managerId;
  const label = (enc: string | null, clientId: string) => ctx.cipher.decrypt(enc) ?? anonymousLabel(clientId);

  // Viewings the manager leads or joins, or of the manager's cases.
  const viewings = await ctx.db.all<{ id: string; case_id: string; client_id: string; name_enc: string | null; date: string; start_time: string; meeting_place: string; status: string }>(
    `SELECT v.id, v.case_id, k.client_id, c.name_enc, v.date, v.start_time, v.meeting_place, v.status
       FROM viewings v JOIN cases k ON k.id = v.case_id JOIN clients c ON c.id = k.client_id
      WHERE v.deleted_at IS NULL AND k.deleted_at IS NULL AND v.status = 'planned'
        AND v.date BETWEEN ? AND ?
        AND (k.manager_id = ? OR EXISTS (SELECT 1 FROM json_each(v.manager_ids) WHERE value = ?))
      ORDER BY v.date, v.start_time LIMIT ${LIMIT}`,
    [weekFrom < today ? weekFrom : today, weekTo > today ? weekTo : today, me, me],
  );
  const viewingItem = (v: (typeof viewings)[number]) => ({
    caseId: v.case_id, viewingId: v.id, startTime: v.start_time, clientLabel: label(v.name_enc, v.client_id), date: v.date,
    title: { ko: `안심동행 ${v.start_time}`, en: `Viewing ${v.start_time}` },
    ...(v.meeting_place ? { detail: { ko: v.meeting_place, en: v.meeting_place } } : {}),
  });

  const soon = addDays(today, 7);
  type StepRow = { case_id: string; client_id: string; name_enc: string | null; step_key: string; due_on: string; from_on: string | null; severity: string | null };
  const stepSql = (where: string) => `SELECT s.case_id, k.client_id, c.name_enc, s.step_key, s.due_on, s.from_on, s.severity
       FROM lease_steps s JOIN cases k ON k.id = s.case_id JOIN clients c ON c.id = k.client_id
      WHERE s.manager_id = $me AND s.done_on IS NULL AND s.status IN ('scheduled', 'undecided') AND ${where}
        AND k.deleted_at IS NULL AND k.status <> 'cancelled'`;
  // Days due soon or overdue (looking back OVERDUE_DAYS; older misses stay on the case), and
  // windows open now: two ranges of the manager's own index, then one sort.
  const stepRows = await ctx.db.all<StepRow>(
    `SELECT * FROM (${stepSql('s.due_on BETWEEN $back AND $soon')}
     UNION
     ${stepSql('s.from_on IS NOT NULL AND s.from_on <= $soon AND s.due_on > $soon')})
     ORDER BY severity IS NULL, (due_on < $today) DESC, due_on LIMIT ${LIMIT}`,
    { $me: me, $back: addDays(today, -OVERDUE_DAYS), $soon: soon, $today: today },
  );
  const steps = stepRows;

  const retention = await ctx.db.all<{ id: string; name_enc: string | null; consent_expires_on: string; case_id: string | null }>(
    `SELECT c.id, c.name_enc, c.consent_expires_on,
            (SELECT k.id FROM cases k WHERE k.client_id = c.id AND k.deleted_at IS NULL ORDER BY k.opened_on DESC LIMIT 1) AS case_id
       FROM clients c
      WHERE c.deleted_at IS NULL AND c.personal_destroyed_at IS NULL AND c.consent_withdrawn_at IS NULL
        AND c.consent_expires_on BETWEEN ? AND ?
        AND (EXISTS (SELECT 1 FROM cases k WHERE k.client_id = c.id AND k.manager_id = ? AND k.deleted_at IS NULL)
             OR NOT EXISTS (SELECT 1 FROM cases k WHERE k.client_id = c.id AND k.deleted_at IS NULL))
      ORDER BY c.consent_expires_on LIMIT ${LIMIT}`,
    [today, addDays(today, RETENTION_WARNING_DAYS), me],
  );

  const runs = await ctx.db.all<{ id: string; template_id: string; started_at: string; case_id: string; client_id: string; name_enc: string | null }>(
    `SELECT r.id, r.template_id, r.started_at, l.case_id, k.client_id, c.name_enc
       FROM checklist_runs r JOIN listings l ON l.id = r.listing_id JOIN cases k ON k.id = l.case_id JOIN clients c ON c.id = k.client_id
      WHERE r.status = 'open' AND r.deleted_at IS NULL AND l.deleted_at IS NULL AND k.deleted_at IS NULL AND k.manager_id = ?
      ORDER BY r.started_at DESC LIMIT ${LIMIT}`,
    [me],
  );

  const recent = await ctx.db.all<{ id: string; name_enc: string | null; case_id: string; at: string }>(
    `SELECT c.id, c.name_enc, k.id AS case_id, k.updated_at AS at
       FROM cases k JOIN clients c ON c.id = k.client_id
      WHERE k.manager_id = ? AND k.deleted_at IS NULL AND c.deleted_at IS NULL
      ORDER BY k.updated_at DESC LIMIT 40`,
    [me],
  );
  const seen = new Set<string>();
  const recentClients: DeskHomeView['recentClients'] = [];
  for (const r of recent) {
    if (seen.has(r.id) || recentClients.length >= 6) continue;
    seen.add(r.id);
    recentClients.push({ caseId: r.case_id, clientId: r.id, clientLabel: label(r.name_enc, r.id), date: r.at.slice(0, 10), title: { ko: '최근 상담', en: 'Recent case' } });
  }

  return {
    today, weekFrom, weekTo,
    viewingsToday: viewings.filter((v) => v.date === today).map(viewingItem),
    viewingsThisWeek: viewings.filter((v) => v.date >= weekFrom && v.date <= weekTo).map(viewingItem),
    stepsDue: steps.map((s) => {
      const base = s.step_key.split(':')[0];
      const title = STEP_TITLES[base] ?? { ko: s.step_key, en: s.step_key };
      const item: HomeItem = { caseId: s.case_id, clientLabel: label(s.name_enc, s.client_id), title, date: s.due_on };
      return { ...item, stepKey: s.step_key, overdue: s.due_on < today, danger: s.severity === 'danger', window: s.from_on ? { from: s.from_on, to: s.due_on } : null };
    }),
    retentionEnding: retention.map((r) => ({
      caseId: r.case_id ?? '', clientId: r.id, clientLabel: label(r.name_enc, r.id), date: r.consent_expires_on,
      title: { ko: '보존기간 만료 예정', en: 'Retention ends' },
    })),
    openRuns: runs.map((r) => ({
      caseId: r.case_id, runId: r.id, templateId: r.template_id, clientLabel: label(r.name_enc, r.client_id), date: r.started_at.slice(0, 10),
      title: { ko: '작성 중인 체크리스트', en: 'Checklist left open' },
    })),
    recentClients,
  };
}
