// The checklist module's shared work, called by its handlers and by other modules (the viewing
// inspection and the reports): start a run, read a run's detail, read a photo's bytes. Handlers
// validate input and check the session; these functions assume both were done by the caller's
// own handler, and never go through another module's handler or base64.
import { randomUUID } from 'node:crypto';
import { ApiError, type Bilingual } from '../../api/errors.js';
import type { ChecklistAnswerView, ChecklistPhotoView, ChecklistRunDetail, ChecklistRunView, ChecklistTemplateView } from '../../api/checklist-methods.js';
import type { Database } from '../../../data/db/sqlite.js';
import { FileStore } from '../../../data/crypto/file-store.js';
import { getListing, openAddress } from '../../../data/repos/listings.js';
import { listStoredTemplates } from '../../../data/repos/checklist-templates.js';
import { clearAnswer, createRun, getRun, listRuns, readUnmapped, runAnswers, upsertAnswer, type RunListRow, type RunRow } from '../../../data/repos/checklist-runs.js';
import { ownerCipher } from '../../../data/privacy/owner.js';
import type { FieldCipher } from '../../../data/crypto/field-cipher.js';
import { getLinkedPhoto, itemPhotoIds, runPhotos, type PhotoRow } from '../../../data/repos/checklist-photos.js';
import { getTemplate, latestTemplate, score, validateTemplateData, type Item, type Template } from '../../../checklists/engine/index.js';
import { prefillNewRun } from '../lease/prefill.js';
import type { HandlerContext } from '../context.js';
import { listRunAmendments, type RunAmendment } from '../../../data/repos/checklist-amendments.js';

// ── this backend process ─────────────────────────────────────────────────
// Each opened backend (one database connection) gets an id; a run written under another id
// and still open was interrupted: the UI says it recovered it.
const processIds = new WeakMap<Database, string>();
export function processId(ctx: HandlerContext): string {
  let pid = processIds.get(ctx.db);
  if (!pid) {
    pid = randomUUID();
    processIds.set(ctx.db, pid);
  }
  return pid;
}

// ── errors ───────────────────────────────────────────────────────────────
export const runNotFound = () => new ApiError('NOT_FOUND', { ko: '체크리스트를 찾을 수 없습니다.', en: 'Checklist run not found.' });
export const field = (path: string, message: Bilingual) =>
  new ApiError('VALIDATION', { ko: `${path}: ${message.ko}`, en: `${path}: ${message.en}` }, [{ path, message }]);

// ── templates ────────────────────────────────────────────────────────────
export async function customTemplates(ctx: HandlerContext) {
  const rows = await listStoredTemplates(ctx.db);
  return rows.map((r) => {
    const check = validateTemplateData(JSON.parse(r.json));
    // Stored templates were accepted by this engine; one that no longer validates is a bug.
    if (!check.ok) throw new Error(`stored checklist ${r.template_id} v${r.version} no longer validates: ${check.errors[0]}`);
    return { row: r, template: check.template };
  });
}

export function templateView(t: Template, all: Template[], custom: Awaited<ReturnType<typeof customTemplates>>): ChecklistTemplateView {
  const stored = custom.find((c) => c.template.id === t.id && c.template.version === t.version);
  return {
    id: t.id,
    version: t.version,
    title: t.title,
    description: t.description ?? null,
    sections: t.sections.length,
    items: t.sections.reduce((n, s) => n + s.items.length, 0),
    source: stored ? 'custom' : 'builtin',
    versions: all.filter((x) => x.id === t.id).map((x) => x.version).sort((a, b) => a - b),
    addedBy: stored?.row.added_by_name ?? null,
    addedAt: stored?.row.created_at ?? null,
  };
}

export function findItem(t: Template, itemId: string): Item | undefined {
  for (const s of t.sections) for (const it of s.items) if (it.id === itemId) return it;
  return undefined;
}

// ── runs ─────────────────────────────────────────────────────────────────
export interface LoadedRun {
  run: RunRow;
  template: Template;
  custom: Template[];
}

export async function loadRun(ctx: HandlerContext, id: string, opts: { open?: boolean } = {}): Promise<LoadedRun> {
  const run = await getRun(ctx.db, id);
  if (!run) throw runNotFound();
  const custom = (await customTemplates(ctx)).map((c) => c.template);
  const template = getTemplate(run.template_id, run.template_version, custom);
  if (!template) {
    throw new ApiError('NOT_FOUND', {
      ko: `이 체크리스트의 양식(${run.template_id} v${run.template_version})을 찾을 수 없습니다.`,
      en: `The template of this run (${run.template_id} v${run.template_version}) is not installed.`,
    });
  }
  if (opts.open && run.status !== 'open') {
    throw new ApiError('CONFLICT', { ko: '완료된 체크리스트는 고칠 수 없습니다. 새로 시작하세요.', en: 'A completed run cannot be changed; start a new one.' });
  }
  return { run, template, custom };
}

function address(ctx: HandlerContext, row: Pick<RunListRow, 'road_address_enc' | 'jibun_address_enc' | 'dong_enc' | 'ho_enc'>): string {
  const a = openAddress(ctx.cipher, row);
  return [a.road_address ?? a.jibun_address ?? '', a.dong ?? '', a.ho ?? ''].filter((s) => s !== '').join(' ');
}

/**
 * The answers after a completed run's amendments (issue 11): the latest amendment of an item wins;
 * an amendment to null withdraws the answer. The original answers are not changed.
 */
export function applyAmendments(answers: ChecklistAnswerView[], amendments: RunAmendment[]): ChecklistAnswerView[] {
  const byItem = new Map(answers.map((a) => [a.itemId, a]));
  for (const m of amendments) {
    if (m.value === null) {
      byItem.delete(m.itemId);
      continue;
    }
    const { prefilledFrom: _p, note: _n, ...before } = byItem.get(m.itemId) ?? { itemId: m.itemId };
    void _p;
    void _n;
    byItem.set(m.itemId, { ...before, itemId: m.itemId, value: m.value, ...(m.note ? { note: m.note } : {}), answeredAt: m.at, amendmentId: m.id });
  }
  return [...byItem.values()];
}

/** A run's effective answers (its answers with its amendments applied) and the amendments. */
export async function effectiveRunAnswers(ctx: HandlerContext, runId: string): Promise<{ answers: ChecklistAnswerView[]; effective: ChecklistAnswerView[]; amendments: RunAmendment[] }> {
  const answers: ChecklistAnswerView[] = await runAnswers(ctx.db, runId, ctx.cipher);
  const amendments = await listRunAmendments(ctx.db, runId, ctx.cipher);
  return { answers, amendments, effective: amendments.length ? applyAmendments(answers, amendments) : answers };
}

export async function runView(ctx: HandlerContext, row: RunListRow, template: Template, custom: Template[]): Promise<ChecklistRunView> {
  const { effective: answers } = await effectiveRunAnswers(ctx, row.id);
  return {
    id: row.id,
    listingId: row.listing_id,
    caseId: row.case_id,
    address: address(ctx, row),
    templateId: row.template_id,
    templateVersion: row.template_version,
    latestVersion: latestTemplate(row.template_id, custom)?.version ?? row.template_version,
    title: template.title,
    status: row.status,
    startedAt: row.started_at,
    startedBy: row.started_by_name,
    completedAt: row.completed_at,
    completedBy: row.completed_by_name,
    upgradedFrom: row.upgraded_from,
    updatedAt: row.updated_at,
    verdict: score(template, answers).overall,
    isDemo: row.is_demo === 1,
  };
}

export function photoView(p: PhotoRow & { item_id: string }, ctx: HandlerContext): ChecklistPhotoView {
  return {
    id: p.id,
    itemId: p.item_id,
    mime: p.mime,
    width: p.width,
    height: p.height,
    takenAt: p.taken_at,
    lat: p.gps_lat,
    lon: p.gps_lon,
    name: ctx.cipher.decrypt(p.original_name_enc),
  };
}

/** A run with its template, answers, photos and score. */
export async function runDetail(ctx: HandlerContext, id: string): Promise<ChecklistRunDetail> {
  const { run, template, custom } = await loadRun(ctx, id);
  // By id, not through the listing's most recent 500 (an older run must open too).
  const [row] = await listRuns(ctx.db, { runId: id });
  const { answers, effective, amendments } = await effectiveRunAnswers(ctx, id);
  return {
    run: await runView(ctx, row, template, custom),
    template,
    answers,
    photos: (await runPhotos(ctx.db, id)).map((p) => photoView(p, ctx)),
    score: score(template, effective),
    recovered: run.status === 'open' && run.touched_by_process !== processId(ctx),
    unmapped: readUnmapped(ctx.cipher, run),
    amendments,
    effectiveAnswers: effective,
    originalScore: amendments.length ? score(template, answers) : null,
  };
}

export async function currentScore(ctx: HandlerContext, runId: string, template: Template) {
  return score(template, await runAnswers(ctx.db, runId, ctx.cipher));
}

/** A photo item's answer is the list of its photos: keep it in step with the links. */
export async function syncPhotoAnswer(ctx: HandlerContext, q: Parameters<Parameters<Database['tx']>[0]>[0], runId: string, item: Item, cipher: FieldCipher = ctx.cipher) {
  if (item.type !== 'photo') return;
  const ids = await itemPhotoIds(q, runId, item.id);
  if (ids.length > 0) await upsertAnswer(q, cipher, ctx.actor(), runId, { itemId: item.id, value: ids }, processId(ctx));
  else await clearAnswer(q, ctx.actor(), runId, item.id, processId(ctx));
}

export const files = (ctx: HandlerContext, cipher: FieldCipher = ctx.cipher) => new FileStore(ctx.filesDir, cipher);
/** A run's data is written under its client's key. */
export const runCipher = (ctx: HandlerContext, runId: string) => ownerCipher(ctx.db, ctx.keys, { runId });
/** Items whose answer is what a person typed: stored encrypted, destroyed with the client. */
export const isTextItem = (item: Item) => item.type === 'text' || item.type === 'longtext';
export const textItems = (t: Template) => new Set(t.sections.flatMap((s) => s.items.filter(isTextItem).map((i) => i.id)));


/** Starts a run of the latest version of `templateId` for a listing (demo mark from the listing). */
export async function startRun(ctx: HandlerContext, listingId: string, templateId: string): Promise<ChecklistRunDetail> {
  const listing = await getListing(ctx.db, listingId);
  if (!listing) throw field('listingId', { ko: '매물을 찾을 수 없습니다.', en: 'Listing not found.' });
  const custom = (await customTemplates(ctx)).map((c) => c.template);
  const t = latestTemplate(templateId, custom);
  if (!t) throw field('templateId', { ko: '체크리스트 양식을 찾을 수 없습니다.', en: 'Checklist template not found.' });
  const id = await ctx.db.tx(async (q) => {
    const runId = await createRun(q, ctx.actor(), { listingId, templateId: t.id, version: t.version, processId: processId(ctx), isDemo: listing.is_demo === 1 });
    await prefillNewRun(ctx, q, runId, listingId, t); // lease module: start with what the case knows
    return runId;
  });
  return runDetail(ctx, id);
}

/** A linked photo's decrypted bytes at one size (NOT_FOUND when it is gone). */
export async function photoFile(ctx: HandlerContext, id: string, size: 'full' | 'thumb'): Promise<{ mime: string; bytes: Buffer }> {
  const row = await getLinkedPhoto(ctx.db, id);
  const bytes = row ? await files(ctx).get('photos', `${id}.${size}`) : null;
  if (!row || !bytes) throw new ApiError('NOT_FOUND', { ko: '사진을 찾을 수 없습니다.', en: 'Photo not found.' });
  return { mime: row.mime, bytes };
}
