// Handlers of the statistics module (electron/api/stats-methods.ts).
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../api/errors.js';
import type { StatsImportOutcome } from '../../api/stats-methods.js';
import { getCase } from '../../../data/repos/cases.js';
import { listManagers } from '../../../data/repos/managers.js';
import { getSetting, setSetting } from '../../../data/repos/settings.js';
import { getCaseStats, getTarget, saveCaseStats, setTarget, statsDrill, statsSummary, type StatsFilter } from '../../../data/repos/statistics.js';
import { enrolDesk, exportRows, importRows, listDesks, listImports, revokeDesk } from '../../../data/repos/stats-exchange.js';
import { writeAudit } from '../../../data/repos/audit.js';
import { requireCoordinator } from '../roles.js';
import { CityFileRefused, fingerprint, hmacKey, newDeskKeys, normaliseFingerprint, signFile, verifyFile, type DeskKeys } from '../statistics/city-file.js';
import { statsCsv, statsXlsx } from '../statistics/export.js';
import { renderMonthlyReport } from '../statistics/monthly-report.js';
import type { HandlerContext, HandlerMap } from '../context.js';

type StatsHandlers = Pick<HandlerMap, Extract<keyof HandlerMap, `stats.${string}`>>;

const DESK_KEYS = 'stats.deskKeys';

/** The desk's signing key, made on first use; the private parts are stored encrypted. */
async function deskKeys(ctx: HandlerContext): Promise<DeskKeys> {
  const stored = await getSetting(ctx.db, DESK_KEYS);
  if (stored) return JSON.parse(ctx.cipher.decrypt(stored)!) as DeskKeys;
  const keys = newDeskKeys();
  await setSetting(ctx.db, DESK_KEYS, ctx.cipher.encrypt(JSON.stringify(keys))!);
  return keys;
}

/** The desk's own district: the signed-in manager's first, else the most common case district. */
async function deskDistrict(ctx: HandlerContext): Promise<string | null> {
  const r = await ctx.db.get<{ d: string | null }>(`SELECT district AS d FROM cases WHERE deleted_at IS NULL AND district IS NOT NULL GROUP BY district ORDER BY count(*) DESC LIMIT 1`);
  return r?.d ?? null;
}

async function managerNames(ctx: HandlerContext): Promise<Map<string, string>> {
  const ms = await listManagers(ctx.db, { includeInactive: true });
  return new Map(ms.map((m) => [m.id, m.name]));
}

const yearOf = (f: StatsFilter, today: string) => Number((f.to ?? f.from ?? today).slice(0, 4));

export const statsHandlers: StatsHandlers = {
  async 'stats.summary'({ filter }, ctx) {
    const s = await statsSummary(ctx.db, filter);
    const names = await managerNames(ctx);
    const year = yearOf(filter, ctx.today());
    const t = await getTarget(ctx.db, year);
    let target = null;
    if (t) {
      // Progress counts the whole year with the same filter, whatever the period shown.
      const y = await statsSummary(ctx.db, { ...filter, from: `${year}-01-01`, to: `${year}-12-31` });
      target = { ...t, doneCases: y.totals.consultations, donePeople: y.totals.people };
    }
    return { ...s, managers: s.byManager.filter((r) => r.key).map((r) => ({ id: r.key!, name: names.get(r.key!) ?? '–' })), target };
  },

  async 'stats.drill'({ filter, dimension, key, limit }, ctx) {
    return statsDrill(ctx.db, filter, dimension, key, limit);
  },

  async 'stats.case.get'({ caseId }, ctx) {
    return getCaseStats(ctx.db, caseId);
  },

  async 'stats.case.save'(input, ctx) {
    if (!(await getCase(ctx.db, input.caseId))) throw new ApiError('NOT_FOUND', { ko: '상담 건을 찾을 수 없습니다.', en: 'Case not found.' });
    const { caseId, ...rec } = input;
    const actor = ctx.actor();
    await ctx.db.tx(async (q) => {
      await saveCaseStats(q, caseId, rec, actor.now, actor.managerId);
      await writeAudit(q, actor, 'cases', caseId, 'update', ['statistics']);
    });
    return (await getCaseStats(ctx.db, caseId))!;
  },

  async 'stats.target.get'({ year }, ctx) {
    return getTarget(ctx.db, year);
  },

  async 'stats.target.set'({ year, cases, people }, ctx) {
    const m = await requireCoordinator(ctx);
    const actor = ctx.actor();
    await ctx.db.tx(async (q) => {
      await setTarget(q, year, cases, people, m.id, actor.now);
      await writeAudit(q, actor, 'stats_targets', String(year), 'update', ['target_cases', 'target_people']);
    });
    return { year, cases, people };
  },

  async 'stats.export'({ filter, format, locale }, ctx) {
    const s = await statsSummary(ctx.db, filter);
    const names = await managerNames(ctx);
    const period = `${filter.from ?? '…'} – ${filter.to ?? '…'}`;
    const c = { locale, period, source: filter.source, managerName: (id: string) => names.get(id) ?? '–' };
    const base = `${locale === 'ko' ? '안심계약_통계' : 'ansim-statistics'}_${filter.from ?? 'start'}_${filter.to ?? ctx.today()}`;
    if (format === 'csv') return { fileName: `${base}.csv`, mime: 'text/csv; charset=utf-8', dataBase64: statsCsv(s, c).toString('base64') };
    return { fileName: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', dataBase64: (await statsXlsx(s, c)).toString('base64') };
  },

  async 'stats.monthlyReport'({ month, source }, ctx) {
    const [y, mo] = month.split('-').map(Number);
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    const monthSummary = await statsSummary(ctx.db, { source, from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` });
    const yearToDate = await statsSummary(ctx.db, { source, from: `${y}-01-01`, to: `${month}-${String(last).padStart(2, '0')}` });
    const t = await getTarget(ctx.db, y);
    const district = await deskDistrict(ctx);
    const pdf = await renderMonthlyReport({ month, source, deskLabel: district ? `${district} 1인가구 안심계약` : '안심계약 도움서비스', monthSummary, yearToDate, target: t });
    return { fileName: `월간통계_${month}.pdf`, mime: 'application/pdf', dataBase64: Buffer.from(pdf).toString('base64') };
  },

  async 'stats.desk.info'(_input, ctx) {
    const keys = await deskKeys(ctx);
    return { fingerprint: fingerprint(keys.publicKey), district: await deskDistrict(ctx) };
  },

  async 'stats.desk.exportFile'({ from, to }, ctx) {
    if (from > to) throw new ApiError('VALIDATION', { ko: 'from: 시작일이 종료일보다 늦습니다.', en: 'from: the start is after the end.' }, [{ path: 'from', message: { ko: '시작일이 종료일보다 늦습니다.', en: 'The start is after the end.' } }]);
    const keys = await deskKeys(ctx);
    const district = await deskDistrict(ctx);
    const rows = await exportRows(ctx.db, from, to, district, (k, id) => hmacKey(keys, k, id));
    const content = signFile(keys, { desk: { label: district ? `${district} 센터` : '센터', district }, period: { from, to }, createdAt: ctx.now().toISOString(), rows });
    return { fileName: `안심계약_통계_${district ?? 'desk'}_${from}_${to}.json`, mime: 'application/json', content, rows: rows.length };
  },

  async 'stats.city.desks'(_input, ctx) {
    return listDesks(ctx.db);
  },

  async 'stats.city.enrol'({ fingerprint: fp, label, district }, ctx) {
    await requireCoordinator(ctx);
    const n = normaliseFingerprint(fp);
    if (n.replace(/ /g, '').length !== 64) throw new ApiError('VALIDATION', { ko: 'fingerprint: 키 지문은 16진수 64자리입니다.', en: 'fingerprint: a key fingerprint is 64 hex digits.' }, [{ path: 'fingerprint', message: { ko: '키 지문은 16진수 64자리입니다.', en: 'A key fingerprint is 64 hex digits.' } }]);
    const actor = ctx.actor();
    await ctx.db.tx(async (q) => {
      await enrolDesk(q, { fingerprint: n, label, district }, actor.now, actor.managerId);
      await writeAudit(q, actor, 'stats_desks', n, 'create', ['fingerprint', 'label', 'district']);
    });
    return { fingerprint: n };
  },

  async 'stats.city.revoke'({ fingerprint: fp }, ctx) {
    await requireCoordinator(ctx);
    const actor = ctx.actor();
    const n = normaliseFingerprint(fp);
    const revoked = await revokeDesk(ctx.db, n, actor.now);
    if (revoked) await writeAudit(ctx.db, actor, 'stats_desks', n, 'delete', ['revoked_at']);
    return { revoked };
  },

  async 'stats.city.import'({ files }, ctx) {
    await requireCoordinator(ctx);
    const desks = await listDesks(ctx.db);
    const actor = ctx.actor();
    const out: StatsImportOutcome[] = [];
    for (const f of files) {
      try {
        const { payload, payloadText, sha256 } = verifyFile(f.content, (fp) => desks.find((d) => d.fingerprint === fp));
        const r = await ctx.db.tx((q) => importRows(q, { id: randomUUID(), fingerprint: payload.desk.fingerprint, period: payload.period, sha256, at: actor.now, by: actor.managerId }, payloadText, payload.rows.length));
        out.push({ name: f.name, ok: true, desk: desks.find((d) => d.fingerprint === payload.desk.fingerprint)?.label, rows: r.rows, newRows: r.newRows });
      } catch (e) {
        if (!(e instanceof CityFileRefused)) throw e;
        out.push({ name: f.name, ok: false, reason: e.reason, message: e.detail });
      }
    }
    return out;
  },

  async 'stats.city.imports'(_input, ctx) {
    return listImports(ctx.db);
  },
};
