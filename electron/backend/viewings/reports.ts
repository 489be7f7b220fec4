// The two PDFs from the database: 상담 결과 보고서 per case and 동행 기록지 per viewing. The report
// engine (../reports) only lays out a model; this fills the model from the stored case,
// listings, checklist runs (through the checklist module's handlers), the rights analysis
// (through rights.analyze) and the viewing record, in the report's language.
//
// Which listing the risk section speaks for: the report has one risk verdict, ladder,
// 최우선변제 and HUG block, so it uses the first listing (in entry order) that has a saved
// registry or a registry checklist run, else the first listing; the other listings are listed
// with their key facts and checklists. Without any registry the summary says so first.
import { ApiError } from '../../api/errors.js';
import type { ReportFileView, TenantCompose, TenantComposeOptions } from '../../api/viewing-methods.js';
import type { Bilingual } from '../../api/errors.js';
import { getCase } from '../../../data/repos/cases.js';
import { anonymousLabel } from '../../../data/repos/clients.js';
import { listListings, openAddress, type AddressReader } from '../../../data/repos/listings.js';
import { getManager } from '../../../data/repos/managers.js';
import { latestRunAnswers, listRuns } from '../../../data/repos/checklist-runs.js';
import { reportRunNote, reportRuns, type ReportRunBasis } from '../reports/report-runs.js';
import { getRegistry } from '../../../data/repos/registry.js';
import { decryptFollowUps, getViewing, listAmendments, meetingPlaceOf, listStopPhotos, listStops } from '../../../data/repos/viewings.js';
import { FileStore } from '../../../data/crypto/file-store.js';
import { describeAnswer, severityOf, visibleItems } from '../../../checklists/engine/index.js';
import { runPhotos } from '../../../data/repos/checklist-photos.js';
import { BUILDING_TYPE_LABELS, LEASE_TYPE_LABELS, parseBuildingType, type LeaseType } from '../../../checklists/common/vocabulary.js';
import { photoFile, runDetail } from '../services/checklist-runs.js';
import { analyzeListingById } from '../services/rights-analysis.js';
import {
  maskName, renderTenantReport, renderViewingLog,
  type ChecklistResult, type ListingAssessment, type ReportListingFacts, type ManagerInfo, type ReportLocale, type ReportPhoto, type TenantReportModel,
  type ViewingLogModel, type ViewingStop,
} from '../reports/index.js';
import type { HandlerContext } from '../context.js';
import { locationSectionModel } from '../reports/location-section.js';
import { policySectionModel } from '../policy/report-section.js';
import { listingAddress } from './address.js';
import { leaseReportSections } from '../lease/report-sections.js';
import { savedCalcs } from '../services/saved-calcs.js';
import { savedCalcsSection } from '../reports/saved-calcs.js';
import { PHOTO_KIND, SIGNATURE_KIND } from './files.js';
import { packLabel, referenceInUse } from '../reference.js';


type L = ReportLocale;
const pick = (b: { ko: string; en: string }, locale: L) => b[locale];


/**
 * File names as the tenant sees them: 상담결과보고서_김＊지_2026-11-27.pdf. The mask is the
 * fullwidth asterisk (U+FF0A): `*` is not allowed in Windows file names, and browsers replace
 * it with `_` on download, which would read as a different name.
 */
export function reportFileName(kind: 'tenant' | 'viewing', maskedClient: string, date: string, locale: L): string {
  const base = kind === 'tenant' ? (locale === 'ko' ? '상담결과보고서' : 'consultation-report') : locale === 'ko' ? '동행기록지' : 'viewing-log';
  return `${base}_${maskedClient.replace(/\*/g, '＊').replace(/[\\/:"<>|?\s]/g, '')}_${date}.pdf`;
}

async function managerInfo(ctx: HandlerContext, id: string | null): Promise<ManagerInfo> {
  const m = (id && (await getManager(ctx.db, id))) || (ctx.session.managerId ? await getManager(ctx.db, ctx.session.managerId) : undefined);
  return { name: m?.name ?? '', center: m?.center ?? '', brokerRegistrationNo: m?.broker_reg_no ?? '' };
}

type ListingRowLike = Record<string, string | number | null> & { id: string };

function listingFacts(cipher: AddressReader, l: ListingRowLike, locale: L): ReportListingFacts {
  const addr = openAddress(cipher, l);
  const floor = l.floor === null ? undefined : `${l.floor_kind === 'basement' ? 'B' : ''}${l.floor}${locale === 'ko' ? '층' : 'F'}`;
  return {
    title: listingAddress(addr),
    address: [addr.road_address, addr.jibun_address].filter(Boolean).join(' / ') || listingAddress(addr),
    housingType: pick(BUILDING_TYPE_LABELS[parseBuildingType(String(l.building_type)) ?? 'other'], locale),
    leaseType: pick(LEASE_TYPE_LABELS[l.lease_type as LeaseType] ?? LEASE_TYPE_LABELS.jeonse, locale),
    depositWon: Number(l.deposit ?? 0),
    monthlyRentWon: l.monthly_rent ? Number(l.monthly_rent) : undefined,
    maintenanceFeeWon: l.maintenance_fee === null ? undefined : Number(l.maintenance_fee),
    exclusiveAreaM2: l.exclusive_area_m2 === null ? undefined : Number(l.exclusive_area_m2),
    floor,
    builtYear: l.approval_year === null ? undefined : Number(l.approval_year),
  };
}

/** EXIF times carry no offset: the camera's wall clock, in Seoul. */
export const exifInstant = (t: string | null) => (!t ? undefined : /(Z|[+-]\d\d:?\d\d)$/i.test(t) ? t : `${t}+09:00`);

/** One run as the report shows it: every visible item with its answer; photos as chosen. */
async function runChecklist(ctx: HandlerContext, runId: string, basis: ReportRunBasis | 'chosen', title: string, locale: L, photoIds?: Set<string>): Promise<ChecklistResult> {
  const d = await runDetail(ctx, runId);
  // issue 11: the answers after the run's amendments; an amended row says so, with date and reason.
  const answers = new Map(d.effectiveAnswers.map((a) => [a.itemId, a]));
  const amendedBy = new Map(d.amendments.map((m) => [m.itemId, m]));
  const photosByItem = new Map<string, ReportPhoto[]>();
  for (const p of d.photos) {
    if (photoIds && !photoIds.has(p.id)) continue;
    const { bytes } = await photoFile(ctx, p.id, 'full');
    const list = photosByItem.get(p.itemId) ?? [];
    list.push({ bytes, takenAt: exifInstant(p.takenAt) });
    photosByItem.set(p.itemId, list);
  }
  // Items hidden by the template's conditions (never applied to this home) are left out.
  const visible = new Set(visibleItems(d.template, d.effectiveAnswers).map((v) => v.item.id));
  const items = d.template.sections.flatMap((s) =>
    s.items.filter((item) => visible.has(item.id)).map((item) => {
      const a = answers.get(item.id);
      const severity = a ? severityOf(item, a) : null;
      const label = pick(item.prompt, locale);
      const m = amendedBy.get(item.id);
      const mark = m ? `${locale === 'ko' ? '정정' : 'Amended'} ${m.at.slice(0, 10)}${m.reason ? ` (${m.reason})` : ''}` : undefined;
      return {
        label: m ? `${label} [${locale === 'ko' ? '정정' : 'amended'}]` : label,
        section: s.title ? pick(s.title, locale) : '',
        status: !a ? ('unchecked' as const) : severity === 'ok' ? ('ok' as const) : severity === null ? ('na' as const) : ('problem' as const),
        answer: a ? pick(describeAnswer(item, a.value), locale) : undefined,
        note: [a?.note, mark].filter(Boolean).join(' · ') || undefined,
        photos: photosByItem.get(item.id) ?? [],
      };
    }),
  );
  const note = basis === 'chosen'
    ? (d.run.status === 'completed' ? (locale === 'ko' ? '매니저가 고른 완료된 점검' : 'Completed check chosen by the manager') : reportRunNote('in-progress', locale))
    : reportRunNote(basis, locale);
  return { title: pick(d.run.title, locale), subject: `${title} · ${note}`, completedAt: d.run.completedAt ?? undefined, items };
}

/**
 * The checklist runs of a listing the report shows: per template, the latest completed one
 * (reportRuns — never an unanswered run) unless the manager chose runs; problems first is the
 * engine's job.
 */
async function listingChecklists(ctx: HandlerContext, listingId: string, title: string, locale: L, compose?: TenantCompose): Promise<ChecklistResult[]> {
  const runs = await listRuns(ctx.db, { listingId, limit: 100_000 });
  const photoIds = compose?.photoIds ? new Set(compose.photoIds) : undefined;
  const chosen: { runId: string; basis: ReportRunBasis | 'chosen' }[] = compose?.runIds
    ? runs.filter((r) => compose.runIds!.includes(r.id)).map((r) => ({ runId: r.id, basis: 'chosen' as const }))
    : reportRuns(runs);
  const out: ChecklistResult[] = [];
  for (const { runId, basis } of chosen) out.push(await runChecklist(ctx, runId, basis, title, locale, photoIds));
  return out;
}

const refused = (path: string, message: Bilingual) => new ApiError('VALIDATION', { ko: `${path}: ${message.ko}`, en: `${path}: ${message.en}` }, [{ path, message }]);

/** Every listing, run, clause and photo of the case a tenant report can hold, with the default selection. */
export async function tenantComposeOptions(ctx: HandlerContext, caseId: string, locale: L): Promise<TenantComposeOptions> {
  const k = await getCase(ctx.db, caseId);
  if (!k) throw new ApiError('NOT_FOUND', { ko: '상담 건을 찾을 수 없습니다.', en: 'Case not found.' });
  const listings = (await listListings(ctx.db, { caseId }, ctx.cipher)) as unknown as ListingRowLike[];
  const out: TenantComposeOptions = { listings: [], runs: [], clauses: [], photos: [] };
  const lead = await leadListingId(ctx, listings);
  for (const l of listings) {
    const title = listingAddress(openAddress(ctx.cipher, l));
    out.listings.push({ id: l.id, title, selected: true });
    const runs = await listRuns(ctx.db, { listingId: l.id, limit: 100_000 });
    const defaults = new Set(reportRuns(runs).map((r) => r.runId));
    for (const r of runs) {
      if (r.answer_count === 0) continue; // nothing to print
      const d = await runDetail(ctx, r.id);
      const items = new Map(d.template.sections.flatMap((s) => s.items.map((i) => [i.id, pick(i.prompt, locale)] as const)));
      out.runs.push({ id: r.id, listingId: l.id, title: pick(d.run.title, locale), status: r.status, startedAt: r.started_at, completedAt: r.completed_at, answered: r.answer_count, selected: defaults.has(r.id) });
      for (const p of d.photos) out.photos.push({ id: p.id, runId: r.id, itemLabel: items.get(p.itemId) ?? p.itemId, takenAt: p.takenAt, selected: defaults.has(r.id) });
    }
    const a = await analyzeListingById(ctx, l.id);
    for (const c of a.clauses) {
      if (out.clauses.some((x) => x.key === c.id)) continue;
      out.clauses.push({ key: c.id, listingId: l.id, text: pick(c.text, locale), reason: pick(c.reason, locale), selected: l.id === lead });
    }
  }
  return out;
}

/** Refuses any id of the selection that is not the case's (VALIDATION naming the field). */
async function checkCompose(ctx: HandlerContext, listings: ListingRowLike[], compose: TenantCompose): Promise<void> {
  const listingIds = new Set(listings.map((l) => l.id));
  const notOfCase = { ko: '이 상담 건의 것이 아닙니다.', en: 'Not part of this case.' };
  compose.listingIds?.forEach((id, i) => {
    if (!listingIds.has(id)) throw refused(`compose.listingIds.${i}`, notOfCase);
  });
  if (!compose.runIds && !compose.photoIds && !compose.clauses) return;
  const runIds = new Set<string>();
  const photoIds = new Set<string>();
  const clauseKeys = new Set<string>();
  for (const l of listings) {
    for (const r of await listRuns(ctx.db, { listingId: l.id, limit: 100_000 })) {
      runIds.add(r.id);
      if (compose.photoIds) for (const p of await runPhotos(ctx.db, r.id)) photoIds.add(p.id);
    }
    if (compose.clauses) for (const c of (await analyzeListingById(ctx, l.id)).clauses) clauseKeys.add(c.id);
  }
  compose.runIds?.forEach((id, i) => {
    if (!runIds.has(id)) throw refused(`compose.runIds.${i}`, notOfCase);
  });
  compose.photoIds?.forEach((id, i) => {
    if (!photoIds.has(id)) throw refused(`compose.photoIds.${i}`, notOfCase);
  });
  compose.clauses?.forEach((c, i) => {
    if (!clauseKeys.has(c.key)) throw refused(`compose.clauses.${i}.key`, { ko: '이 상담 건의 특약 제안이 아닙니다.', en: 'Not a clause proposed for this case.' });
  });
}

/** The listing the risk section speaks for: the first with a registry entered, else the first. */
async function leadListingId(ctx: HandlerContext, listings: ListingRowLike[]): Promise<string | null> {
  for (const l of listings) {
    const hasRegistry = (await getRegistry(ctx.db, ctx.cipher, l.id)) !== null;
    const hasRun = (await listRuns(ctx.db, { listingId: l.id })).some((r) => r.template_id === 'registry');
    if (hasRegistry || hasRun) return l.id;
  }
  return listings[0]?.id ?? null;
}

export async function buildTenantReportModel(ctx: HandlerContext, caseId: string, locale: L, compose?: TenantCompose): Promise<TenantReportModel> {
  const k = await getCase(ctx.db, caseId);
  if (!k) throw new ApiError('NOT_FOUND', { ko: '상담 건을 찾을 수 없습니다.', en: 'Case not found.' });
  const clientName = ctx.cipher.decrypt(k.client_name_enc) ?? anonymousLabel(k.client_id);
  const all = (await listListings(ctx.db, { caseId }, ctx.cipher)) as unknown as ListingRowLike[];
  if (compose) await checkCompose(ctx, all, compose);
  // The manager's choice of listings (the default: all of them, in entry order).
  const listings = compose?.listingIds ? all.filter((l) => compose.listingIds!.includes(l.id)) : all;
  const facts = listings.map((l) => listingFacts(ctx.cipher, l, locale));

  // Every listing is assessed; the first with a registry entered (or the first) leads.
  const entries: Subject[] = [];
  for (const [i, l] of listings.entries()) {
    const hasRegistry = (await getRegistry(ctx.db, ctx.cipher, l.id)) !== null;
    const hasRun = (await listRuns(ctx.db, { listingId: l.id })).some((r) => r.template_id === 'registry');
    entries.push({ listing: l, title: facts[i].title, registry: hasRegistry || hasRun });
  }
  // Without any registry the analysis still reads the listing's own facts (deposit, region,
  // prices) for 최우선변제 and HUG, and its flags say what the missing registry leaves open.
  const primary = entries.find((e) => e.registry) ?? entries[0] ?? null;
  const checklists: ChecklistResult[] = [];
  for (const [i, l] of listings.entries()) checklists.push(...(await listingChecklists(ctx, l.id, facts[i].title, locale, compose)));

  const base: TenantReportModel = {
    locale,
    demo: k.is_demo === 1,
    reportDate: ctx.today(),
    // ── legal (issue 13): which reference pack the figures came from ──
    referencePack: packLabel((await referenceInUse(ctx.db)).pack),
    registeredLandlord: await anyRegisteredLandlord(ctx, listings.map((l) => l.id)),
    caseNumber: k.id.slice(0, 8).toUpperCase(),
    clientName,
    manager: await managerInfo(ctx, k.manager_id),
    listings: facts,
    risk: {
      verdict: 'caution',
      summary: locale === 'ko' ? '등기부 권리분석을 아직 하지 않았습니다. 계약 전에 등기사항전부증명서를 떼어 확인하세요.' : 'The registry has not been analysed yet. Check the register before signing.',
      flags: [],
    },
    seniority: { entries: [] },
    priorityRepayment: { eligible: false, tableDate: ctx.today(), region: '-', thresholdWon: 0, explanation: locale === 'ko' ? '등기부 분석 후 계산합니다.' : 'Computed after the registry analysis.', basis: '주택임대차보호법 §8' },
    hug: { eligible: false, conditions: [], basis: 'HUG' },
    checklists,
    specialClauses: [],
    afterContractSteps: [],
    // issue 11: calculator results saved to the case.
    savedCalcs: savedCalcsSection(await savedCalcs(ctx, caseId), locale),
  };
  // lease module: the registry re-check and the case's saved lease timeline.
  const lease = await leaseReportSections(ctx, caseId, locale);
  if (!primary) return { ...base, ...(compose?.clauses ? { specialClauses: compose.clauses.map((c) => ({ text: c.text, reason: c.reason || undefined })) } : {}), ...lease };
  const lead = await assessListing(ctx, primary, locale, base);
  const others: ListingAssessment[] = [];
  for (const e of entries) if (e !== primary) others.push((await assessListing(ctx, e, locale, base)).assessment);
  return {
    ...base,
    ...lead.assessment,
    otherAssessments: others,
    // The clauses the manager chose and edited (their reasons kept), else the lead listing's.
    specialClauses: compose?.clauses ? compose.clauses.map((c) => ({ text: c.text, reason: c.reason || undefined })) : lead.clauses,
    afterContractSteps: lead.steps,
    ...lease,
  };
}

interface Subject {
  listing: ListingRowLike;
  title: string;
  registry: boolean;
}

/** One listing through the rights analysis, in the report's terms. */
async function assessListing(ctx: HandlerContext, subject: Subject, locale: L, base: TenantReportModel) {
  const a = await analyzeListingById(ctx, subject.listing.id);
  const sev = (s: string) => (s === 'danger' ? 'danger' : s === 'caution' ? 'caution' : s === 'info' ? 'info' : 'safe') as 'danger' | 'caution' | 'info' | 'safe';
  const pr = a.priorityRepayment[0];
  const deposit = Number(subject.listing.deposit ?? 0);
  const assessment: ListingAssessment = {
    risk: {
      verdict: a.verdict === 'danger' ? 'danger' : a.verdict === 'caution' ? 'caution' : 'safe',
      summary: [...(subject.registry ? [] : [base.risk.summary]), pick(a.verdictLabel, locale), ...a.warnings.map((w) => pick(w, locale))].join(' '),
      listingTitle: subject.title,
      flags: a.flags.map((f) => ({ code: f.code, severity: sev(f.severity), title: RULE_TITLES[f.code] ? pick(RULE_TITLES[f.code], locale) : pick(f.severityLabel, locale), reason: pick(f.message, locale), basis: pick(f.basis, locale) })),
    },
    seniority: seniorityOf(a.ladder, deposit, locale, ctx.today()),
    priorityRepayment: pr
      ? {
          eligible: pr.eligible === true,
          tableDate: pr.tableEffectiveFrom ?? pr.securityDate ?? ctx.today(),
          region: pr.regionGroup ?? '확인필요',
          thresholdWon: pr.threshold ?? 0,
          protectedAmountWon: pr.amount ?? undefined,
          explanation: pr.notes.map((n) => pick(n, locale)).join(' ') || (pr.holder ? `${pr.holder} ${pr.entry ?? ''}` : ''),
          basis: '주택임대차보호법 §8, 시행령 §10·§11',
        }
      : base.priorityRepayment,
    hug: {
      eligible: a.hug.eligible,
      maxDepositWon: a.hug.maxDeposit ?? undefined,
      housePriceWon: a.hug.housePrice ?? undefined,
      conditions: a.hug.reasons.map((r) => ({ label: pick(r, locale), met: a.hug.eligible })),
      basis: `HUG 전세보증금반환보증 (${a.hug.rulesEffectiveFrom})`,
    },
  };
  return {
    assessment,
    clauses: a.clauses.map((c) => ({ text: pick(c.text, locale), reason: pick(c.reason, locale) })),
    steps: a.steps.filter((s) => s.date).map((s) => ({ title: pick(s.title, locale), dueDate: s.date!, detail: pick(s.detail, locale) })),
  };
}

type Ladder = Awaited<ReturnType<typeof analyzeListingById>>['ladder'];

/** The ladder as the report draws it: live entries in seniority order with the tenant placed among them. */
function seniorityOf(ladder: Ladder, deposit: number, locale: L, today: string): TenantReportModel['seniority'] {
  const rung = (e: Ladder['entries'][number]) => ({
    label: `${pick(e.kindLabel, locale)}${e.holders.length ? ` (${e.holders.join(', ')})` : ''}`,
    date: e.receivedAt,
    amountWon: e.maxClaim,
    note: `${e.gu} ${e.rank}`,
  });
  const live = (e: Ladder['entries'][number]) => !e.cancelled && e.kind !== 'cancellation';
  const tenant = { label: locale === 'ko' ? '임차인 (본인)' : 'Tenant (you)', date: ladder.tenant.placedAt ?? today, amountWon: deposit, isTenant: true };
  return {
    entries: [...ladder.entries.slice(0, ladder.tenantIndex).filter(live).map(rung), tenant, ...ladder.entries.slice(ladder.tenantIndex).filter(live).map(rung)],
    note: pick(ladder.tenant.note, locale),
  };
}

export async function tenantReportFile(ctx: HandlerContext, caseId: string, locale: L, compose?: TenantCompose): Promise<ReportFileView> {
  const model = await buildTenantReportModel(ctx, caseId, locale, compose);
  // policy (issue 12): the 정책 안내 section.
  const k = await getCase(ctx.db, caseId);
  if (k) model.programmes = await policySectionModel(ctx, k.client_id, caseId, locale);
  // listing map: the 입지 안내 section.
  model.location = (await locationSectionModel(ctx, caseId)) ?? undefined;
  const bytes = await renderTenantReport(model);
  return { fileName: reportFileName('tenant', maskName(model.clientName), model.reportDate, locale), mime: 'application/pdf', dataBase64: Buffer.from(bytes).toString('base64') };
}

/** Short names of the registry rules R1–R8 (../shared/domain/rental-contract-brief.md §2) for the flag table. */
const RULE_TITLES: Record<string, { ko: string; en: string }> = {
  R1: { ko: '소유자·임대인 확인', en: 'Owner and landlord' },
  R2: { ko: '압류·가압류 등 권리 제한', en: 'Seizures and restrictions' },
  R3: { ko: '신탁', en: 'Trust' },
  R4: { ko: '부채비율', en: 'Debt ratio' },
  R5: { ko: '전세보증 가입', en: 'Deposit guarantee (HUG)' },
  R6: { ko: '건축물대장', en: 'Building register' },
  R7: { ko: '체납·선순위 보증금', en: 'Tax arrears, senior deposits' },
  R8: { ko: '최우선변제', en: 'Priority repayment' },
};

const IMPRESSION = { good: 'good', ok: 'ok', poor: 'poor' } as const;

export async function buildViewingLogModel(ctx: HandlerContext, viewingId: string, locale: L): Promise<ViewingLogModel> {
  const v = await getViewing(ctx.db, viewingId);
  if (!v) throw new ApiError('NOT_FOUND', { ko: '동행 기록을 찾을 수 없습니다.', en: 'Viewing not found.' });
  const files = new FileStore(ctx.filesDir, ctx.cipher);
  const stops = await listStops(ctx.db, viewingId);
  const photos = await listStopPhotos(ctx.db, viewingId);
  const out: ViewingStop[] = [];
  for (const s of stops) {
    const obs = ctx.cipher.decrypt(s.observations_enc);
    const stopPhotos: ReportPhoto[] = [];
    for (const p of photos.filter((x) => x.stop_id === s.id)) {
      const bytes = await files.get(PHOTO_KIND, p.file_id);
      if (bytes) stopPhotos.push({ bytes, takenAt: p.taken_at ?? undefined });
    }
    let checklistSummary: string | undefined;
    if (s.inspection_run_id) {
      try {
        const d = await runDetail(ctx, s.inspection_run_id);
        const problems = d.answers.filter((a) => {
          const item = d.template.sections.flatMap((x) => x.items).find((i) => i.id === a.itemId);
          const sv = item ? severityOf(item, a) : null;
          return sv === 'caution' || sv === 'danger';
        }).length;
        checklistSummary = locale === 'ko' ? `현장점검 ${d.answers.length}개 항목 확인, 문제 ${problems}` : `Inspection: ${d.answers.length} items checked, ${problems} problems`;
      } catch {
        checklistSummary = undefined; // A deleted run leaves the stop without a summary.
      }
    }
    const addr = openAddress(ctx.cipher, s);
    out.push({
      listingTitle: listingAddress(addr),
      address: [addr.road_address, addr.jibun_address].filter(Boolean).join(' / ') || listingAddress(addr),
      arrivedAt: s.arrived_at ?? undefined,
      leftAt: s.departed_at ?? undefined,
      observations: obs ? obs.split(/\n+/).map((x) => x.trim()).filter(Boolean) : [],
      photos: stopPhotos,
      impression: s.impression ? IMPRESSION[s.impression] : undefined,
      impressionNote: ctx.cipher.decrypt(s.impression_note_enc) ?? undefined,
      followUps: decryptFollowUps(ctx.cipher, s.follow_ups_enc).map((f) => (f.done ? `${f.text} (${locale === 'ko' ? '완료' : 'done'})` : f.text)),
      checklistSummary,
    });
  }
  const managerIds = JSON.parse(v.manager_ids) as string[];
  const managers = await Promise.all(managerIds.map((id) => managerInfo(ctx, id)));
  const sig = v.signature_file ? await files.get(SIGNATURE_KIND, v.signature_file) : null;
  const tenantName = ctx.cipher.decrypt(v.tenant_name_enc);
  const nextSteps = ctx.cipher.decrypt(v.next_steps_enc);
  const summary = ctx.cipher.decrypt(v.summary_enc);
  const lastLeft = stops.map((s) => s.departed_at).filter(Boolean).sort().pop();
  return {
    locale,
    demo: v.is_demo === 1,
    date: v.date,
    caseNumber: v.case_id.slice(0, 8).toUpperCase(),
    clientName: ctx.cipher.decrypt(v.client_name_enc) ?? anonymousLabel(v.client_id),
    managers,
    meetingPlace: meetingPlaceOf(ctx.cipher, v),
    startAt: `${v.date}T${v.start_time}:00+09:00`,
    endAt: lastLeft ?? undefined,
    status: v.status,
    stops: out,
    nextSteps: [...(summary ? [summary] : []), ...(nextSteps ? nextSteps.split(/\n+/).map((x) => x.trim()).filter(Boolean) : [])],
    confirmation: v.confirmed_at && tenantName && v.confirmation_method === 'typed'
      ? { method: 'typed', typedName: tenantName, witness: (await managerInfo(ctx, v.confirmed_by)).name, confirmedAt: v.confirmed_at, satisfaction: v.satisfaction ?? undefined }
      : v.confirmed_at && tenantName && sig ? { method: 'drawn', typedName: tenantName, signaturePng: sig, confirmedAt: v.confirmed_at, satisfaction: v.satisfaction ?? undefined } : undefined,
    amendments: (await listAmendments(ctx.db, viewingId)).map((a) => ({ at: a.at, text: `${a.field ? `[${a.field}] ` : ''}${ctx.cipher.decrypt(a.text_enc) ?? ''}` })),
  };
}

export async function viewingLogFile(ctx: HandlerContext, viewingId: string, locale: L): Promise<ReportFileView> {
  const model = await buildViewingLogModel(ctx, viewingId, locale);
  const bytes = await renderViewingLog(model);
  return { fileName: reportFileName('viewing', maskName(model.clientName), model.date, locale), mime: 'application/pdf', dataBase64: Buffer.from(bytes).toString('base64') };
}


/** ── legal (issue 13): whether a contract checklist of the case found a 등록임대사업자 ── */
async function anyRegisteredLandlord(ctx: HandlerContext, listingIds: string[]): Promise<boolean> {
  for (const id of listingIds) {
    const run = await latestRunAnswers(ctx.db, id, 'contract');
    if (run?.answers.some((a) => a.itemId === 'registeredLandlord' && a.value === 'registered')) return true;
  }
  return false;
}
