// Handlers of the checklist module's API methods (see electron/api/checklist-methods.ts).
// The engine (checklists/engine) decides validity, visibility, scoring and completion; this
// file loads and stores. Every answer is written in its own transaction with its audit entry.
import { randomUUID } from 'node:crypto';
import { ApiError, type Bilingual } from '../../api/errors.js';
import type {
  ChecklistAnswerView, ChecklistPhotoView, ChecklistResults, ChecklistRunDetail, ChecklistRunView, ChecklistTemplateView,
} from '../../api/checklist-methods.js';
import type { Database } from '../../../data/db/sqlite.js';
import { FileStore } from '../../../data/crypto/file-store.js';
import { PhotoRefused, preparePhoto } from '../../../data/photos/prepare.js';
import { getListing } from '../../../data/repos/listings.js';
import { insertTemplate, listStoredTemplates } from '../../../data/repos/checklist-templates.js';
import {
  clearAnswer, completeRun, createRun, deleteRun, getRun, listRuns, readUnmapped, runAnswers, touchRun, upgradeRunTo, upsertAnswer,
  type RunListRow, type RunRow,
} from '../../../data/repos/checklist-runs.js';
import { ensurePhoto, getLinkedPhoto, itemPhotoIds, linkPhoto, photoExists, runPhotos, unlinkPhoto, type PhotoRow } from '../../../data/repos/checklist-photos.js';
import {
  acceptTemplate, builtInTemplates, canComplete, getTemplate, latestTemplate, listTemplates, score, upgradeRun, validateAnswer,
  validateTemplateData, type Item, type Template,
} from '../../../checklists/engine/index.js';
import { prefillNewRun } from '../lease/prefill.js';
import type { HandlerContext, HandlerMap } from '../context.js';

// ── this backend process ─────────────────────────────────────────────────
// Each opened backend (one database connection) gets an id; a run written under another id
// and still open was interrupted: the UI says it recovered it.
const processIds = new WeakMap<Database, string>();
function processId(ctx: HandlerContext): string {
  let pid = processIds.get(ctx.db);
  if (!pid) {
    pid = randomUUID();
    processIds.set(ctx.db, pid);
  }
  return pid;
}

// ── errors ───────────────────────────────────────────────────────────────
const runNotFound = () => new ApiError('NOT_FOUND', { ko: '체크리스트를 찾을 수 없습니다.', en: 'Checklist run not found.' });
const field = (path: string, message: Bilingual) =>
  new ApiError('VALIDATION', { ko: `${path}: ${message.ko}`, en: `${path}: ${message.en}` }, [{ path, message }]);

// ── templates ────────────────────────────────────────────────────────────
async function customTemplates(ctx: HandlerContext) {
  const rows = await listStoredTemplates(ctx.db);
  return rows.map((r) => {
    const check = validateTemplateData(JSON.parse(r.json));
    // Stored templates were accepted by this engine; one that no longer validates is a bug.
    if (!check.ok) throw new Error(`stored checklist ${r.template_id} v${r.version} no longer validates: ${check.errors[0]}`);
    return { row: r, template: check.template };
  });
}

function templateView(t: Template, all: Template[], custom: Awaited<ReturnType<typeof customTemplates>>): ChecklistTemplateView {
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

function findItem(t: Template, itemId: string): Item | undefined {
  for (const s of t.sections) for (const it of s.items) if (it.id === itemId) return it;
  return undefined;
}

// ── runs ─────────────────────────────────────────────────────────────────
interface Loaded {
  run: RunRow;
  template: Template;
  custom: Template[];
}

async function loadRun(ctx: HandlerContext, id: string, opts: { open?: boolean } = {}): Promise<Loaded> {
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

function address(row: Pick<RunListRow, 'road_address' | 'jibun_address' | 'dong' | 'ho'>): string {
  return [row.road_address ?? row.jibun_address ?? '', row.dong ?? '', row.ho ?? ''].filter((s) => s !== '').join(' ');
}

async function runView(ctx: HandlerContext, row: RunListRow, template: Template, custom: Template[]): Promise<ChecklistRunView> {
  const answers = await runAnswers(ctx.db, row.id);
  return {
    id: row.id,
    listingId: row.listing_id,
    caseId: row.case_id,
    address: address(row),
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

function photoView(p: PhotoRow & { item_id: string }, ctx: HandlerContext): ChecklistPhotoView {
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

async function detail(ctx: HandlerContext, id: string): Promise<ChecklistRunDetail> {
  const { run, template, custom } = await loadRun(ctx, id);
  const [row] = (await listRuns(ctx.db, { listingId: run.listing_id })).filter((r) => r.id === id);
  const answers: ChecklistAnswerView[] = await runAnswers(ctx.db, id, ctx.cipher);
  return {
    run: await runView(ctx, row, template, custom),
    template,
    answers,
    photos: (await runPhotos(ctx.db, id)).map((p) => photoView(p, ctx)),
    score: score(template, answers),
    recovered: run.status === 'open' && run.touched_by_process !== processId(ctx),
    unmapped: readUnmapped(ctx.cipher, run),
  };
}

async function currentScore(ctx: HandlerContext, runId: string, template: Template) {
  return score(template, await runAnswers(ctx.db, runId, ctx.cipher));
}

/** A photo item's answer is the list of its photos: keep it in step with the links. */
async function syncPhotoAnswer(ctx: HandlerContext, q: Parameters<Parameters<Database['tx']>[0]>[0], runId: string, item: Item) {
  if (item.type !== 'photo') return;
  const ids = await itemPhotoIds(q, runId, item.id);
  if (ids.length > 0) await upsertAnswer(q, ctx.cipher, ctx.actor(), runId, { itemId: item.id, value: ids }, processId(ctx));
  else await clearAnswer(q, ctx.actor(), runId, item.id, processId(ctx));
}

const files = (ctx: HandlerContext) => new FileStore(ctx.filesDir, ctx.cipher);

export const checklistHandlers: Pick<HandlerMap, keyof ChecklistResults> = {
  'checklists.templates.list': async (_input, ctx) => {
    const custom = await customTemplates(ctx);
    const all = [...builtInTemplates(), ...custom.map((c) => c.template)];
    return listTemplates(custom.map((c) => c.template)).map((t) => templateView(t, all, custom));
  },

  'checklists.templates.get': async ({ id, version }, ctx) => {
    const custom = (await customTemplates(ctx)).map((c) => c.template);
    const t = version === undefined ? latestTemplate(id, custom) : getTemplate(id, version, custom);
    if (!t) throw new ApiError('NOT_FOUND', { ko: '체크리스트 양식을 찾을 수 없습니다.', en: 'Checklist template not found.' });
    return t;
  },

  'checklists.templates.add': async ({ json }, ctx) => {
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch (e) {
      throw field('json', { ko: `JSON 형식이 아닙니다: ${(e as Error).message}`, en: `Not valid JSON: ${(e as Error).message}` });
    }
    const custom = await customTemplates(ctx);
    const accepted = acceptTemplate(custom.map((c) => ({ id: c.template.id, version: c.template.version })), data);
    if (!accepted.ok) {
      const fields = accepted.errors.map((e) => ({ path: 'json', message: { ko: e, en: e } }));
      throw new ApiError(
        'VALIDATION',
        {
          ko: `템플릿을 추가할 수 없습니다 (${accepted.errors.length}건): ${accepted.errors.join(' / ')}`,
          en: `The template cannot be added (${accepted.errors.length} problem(s)): ${accepted.errors.join(' / ')}`,
        },
        fields,
      );
    }
    const t = accepted.template;
    try {
      await ctx.db.tx((q) => insertTemplate(q, ctx.actor(), t, json));
    } catch (e) {
      if (/UNIQUE/.test((e as Error).message)) {
        throw new ApiError('CONFLICT', {
          ko: `${t.id} v${t.version}은(는) 이미 게시되어 바꿀 수 없습니다. 새 버전 번호를 쓰세요.`,
          en: `${t.id} v${t.version} is already published and cannot be replaced; use a new version number.`,
        });
      }
      throw e;
    }
    const after = await customTemplates(ctx);
    const all = [...builtInTemplates(), ...after.map((c) => c.template)];
    return templateView(t, all, after);
  },

  'checklists.runs.start': async ({ listingId, templateId }, ctx) => {
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
    return detail(ctx, id);
  },

  'checklists.runs.list': async ({ listingId }, ctx) => {
    const custom = (await customTemplates(ctx)).map((c) => c.template);
    const rows = await listRuns(ctx.db, { listingId });
    const out: ChecklistRunView[] = [];
    for (const row of rows) {
      const t = getTemplate(row.template_id, row.template_version, custom);
      if (t) out.push(await runView(ctx, row, t, custom));
    }
    return out;
  },

  'checklists.runs.get': async ({ id }, ctx) => detail(ctx, id),

  'checklists.runs.answer': async ({ runId, itemId, value, note }, ctx) => {
    const { template } = await loadRun(ctx, runId, { open: true });
    const item = findItem(template, itemId);
    if (!item) throw field('itemId', { ko: '이 체크리스트에 없는 항목입니다.', en: 'No such item in this checklist.' });
    if (value === null) {
      await ctx.db.tx((q) => clearAnswer(q, ctx.actor(), runId, itemId, processId(ctx)));
      return { itemId, answer: null, score: await currentScore(ctx, runId, template) };
    }
    if (item.type === 'photo') {
      throw field('value', { ko: '사진 항목은 사진을 첨부해 답합니다.', en: 'Photo items are answered by attaching photos.' });
    }
    const check = validateAnswer(item, value);
    if (!check.ok) throw field('value', check.error);
    const trimmed = note === undefined ? undefined : (note ?? '').trim() || null;
    await ctx.db.tx((q) => upsertAnswer(q, ctx.cipher, ctx.actor(), runId, { itemId, value: check.value, note: trimmed }, processId(ctx)));
    const answers = await runAnswers(ctx.db, runId, ctx.cipher);
    return {
      itemId,
      answer: answers.find((a) => a.itemId === itemId) ?? null,
      ...(check.reading ? { reading: check.reading } : {}),
      ...(check.ambiguous ? { ambiguous: true } : {}),
      score: score(template, answers),
    };
  },

  'checklists.runs.attachPhoto': async ({ runId, itemId, name, dataBase64 }, ctx) => {
    const { template } = await loadRun(ctx, runId, { open: true });
    const item = findItem(template, itemId);
    if (!item) throw field('itemId', { ko: '이 체크리스트에 없는 항목입니다.', en: 'No such item in this checklist.' });
    const bytes = Buffer.from(dataBase64, 'base64');
    let prepared;
    try {
      prepared = await preparePhoto(bytes);
    } catch (e) {
      if (e instanceof PhotoRefused) throw field('dataBase64', e.bilingual);
      throw e;
    }
    const id = ctx.cipher.contentId(bytes);
    const duplicate = await photoExists(ctx.db, id);
    // Files first: a crash between the two leaves an unreferenced encrypted file, never a row without its file.
    const store = files(ctx);
    await store.put('photos', `${id}.full`, prepared.full);
    await store.put('photos', `${id}.thumb`, prepared.thumb);
    await ctx.db.tx(async (q) => {
      const actor = ctx.actor();
      await ensurePhoto(q, ctx.cipher, actor, {
        id, mime: prepared.mime, width: prepared.width, height: prepared.height, bytes: prepared.full.length,
        originalName: name || null, takenAt: prepared.takenAt, lat: prepared.lat, lon: prepared.lon,
      });
      await linkPhoto(q, actor, runId, itemId, id);
      await touchRun(q, actor, runId, processId(ctx));
      await syncPhotoAnswer(ctx, q, runId, item);
    });
    const photo = (await runPhotos(ctx.db, runId)).find((p) => p.id === id && p.item_id === itemId)!;
    return { photo: photoView(photo, ctx), duplicate, score: await currentScore(ctx, runId, template) };
  },

  'checklists.runs.removePhoto': async ({ runId, itemId, photoId }, ctx) => {
    const { template } = await loadRun(ctx, runId, { open: true });
    const item = findItem(template, itemId);
    const removed = await ctx.db.tx(async (q) => {
      const ok = await unlinkPhoto(q, ctx.actor(), runId, itemId, photoId);
      if (ok && item) await syncPhotoAnswer(ctx, q, runId, item);
      return ok;
    });
    if (!removed) throw new ApiError('NOT_FOUND', { ko: '사진을 찾을 수 없습니다.', en: 'Photo not found.' });
    return { score: await currentScore(ctx, runId, template) };
  },

  'checklists.photos.get': async ({ id, size }, ctx) => {
    const row = await getLinkedPhoto(ctx.db, id);
    const bytes = row ? await files(ctx).get('photos', `${id}.${size}`) : null;
    if (!row || !bytes) throw new ApiError('NOT_FOUND', { ko: '사진을 찾을 수 없습니다.', en: 'Photo not found.' });
    return { mime: row.mime, dataBase64: bytes.toString('base64') };
  },

  'checklists.runs.complete': async ({ id }, ctx) => {
    const { template } = await loadRun(ctx, id, { open: true });
    const answers = await runAnswers(ctx.db, id, ctx.cipher);
    const check = canComplete(template, answers);
    if (!check.ok) {
      const n = check.missing.length;
      const head = check.missing.slice(0, 5);
      throw new ApiError(
        'CONFLICT',
        {
          ko: `아직 완료할 수 없습니다. 남은 항목 ${n}개: ${head.map((m) => m.message.ko).join(' / ')}${n > head.length ? ' …' : ''}`,
          en: `Not complete yet: ${n} item(s) left: ${head.map((m) => m.message.en).join(' / ')}${n > head.length ? ' …' : ''}`,
        },
        check.missing.map((m) => ({ path: `items.${m.itemId}`, message: m.message })),
      );
    }
    await ctx.db.tx((q) => completeRun(q, ctx.actor(), id, processId(ctx)));
    return detail(ctx, id);
  },

  'checklists.runs.upgrade': async ({ id }, ctx) => {
    const { run, template, custom } = await loadRun(ctx, id, { open: true });
    const latest = latestTemplate(run.template_id, custom);
    if (!latest || latest.version <= template.version) {
      throw new ApiError('CONFLICT', { ko: '이미 최신 버전입니다.', en: 'The run already uses the latest version.' });
    }
    const answers = await runAnswers(ctx.db, id, ctx.cipher);
    const result = upgradeRun(template, latest, answers);
    await ctx.db.tx((q) => upgradeRunTo(q, ctx.cipher, ctx.actor(), run, latest.version, result.answers, result.unmapped, processId(ctx)));
    return detail(ctx, id);
  },

  'checklists.runs.delete': async ({ id }, ctx) => {
    if (!(await ctx.db.tx((q) => deleteRun(q, ctx.actor(), id)))) throw runNotFound();
    return { id };
  },
};
