// Handlers of the checklist module's API methods (see electron/api/checklist-methods.ts).
// The engine (checklists/engine) decides validity, visibility, scoring and completion; this
// file loads and stores. Every answer is written in its own transaction with its audit entry.
import { ApiError } from '../../api/errors.js';
import type { ChecklistResults, ChecklistRunView } from '../../api/checklist-methods.js';
import { PhotoRefused, preparePhoto } from '../../../data/photos/prepare.js';
import { insertTemplate } from '../../../data/repos/checklist-templates.js';
import { clearAnswer, completeRun, deleteRun, listRuns, runAnswers, touchRun, upgradeRunTo, upsertAnswer } from '../../../data/repos/checklist-runs.js';
import { ensurePhoto, linkPhoto, photoExists, runPhotos, unlinkPhoto } from '../../../data/repos/checklist-photos.js';
import {
  acceptTemplate, builtInTemplates, canComplete, getTemplate, latestTemplate, listTemplates, score, upgradeRun, validateAnswer,
} from '../../../checklists/engine/index.js';
import type { HandlerMap } from '../context.js';
import {
  currentScore, customTemplates, field, files, findItem, loadRun, photoFile, photoView, processId, runDetail, runNotFound, runView, startRun,
  syncPhotoAnswer, templateView, runCipher, isTextItem, textItems,
} from '../services/checklist-runs.js';
import { viewEachAsync } from '../unreadable.js';
import { addRunAmendment } from '../../../data/repos/checklist-amendments.js';

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

  'checklists.runs.start': async ({ listingId, templateId }, ctx) => startRun(ctx, listingId, templateId),

  'checklists.runs.list': async ({ listingId }, ctx) => {
    const custom = (await customTemplates(ctx)).map((c) => c.template);
    const rows = await listRuns(ctx.db, { listingId });
    const known = rows.flatMap((row) => {
      const t = getTemplate(row.template_id, row.template_version, custom);
      return t ? [{ row, t, id: row.id }] : [];
    });
    // One unreadable run never breaks the list.
    return viewEachAsync(ctx, 'checklist_runs', known, ({ row, t }): Promise<ChecklistRunView> => runView(ctx, row, t, custom));
  },

  'checklists.runs.get': async ({ id }, ctx) => runDetail(ctx, id),

  // issue 11: a completed run is amended, never rewritten; an open run is answered normally.
  'checklists.runs.amend': async ({ runId, itemId, value, note, reason }, ctx) => {
    const { run, template } = await loadRun(ctx, runId);
    if (run.status !== 'completed') {
      throw new ApiError('CONFLICT', { ko: '진행 중인 체크리스트는 정정하지 않고 그대로 답을 고칩니다.', en: 'An open run is not amended; change its answer instead.' });
    }
    const item = findItem(template, itemId);
    if (!item) throw field('itemId', { ko: '이 체크리스트에 없는 항목입니다.', en: 'No such item in this checklist.' });
    if (item.type === 'photo') throw field('value', { ko: '사진 항목은 정정할 수 없습니다.', en: 'Photo items cannot be amended.' });
    let checked: typeof value = null;
    if (value !== null) {
      const check = validateAnswer(item, value);
      if (!check.ok) throw field('value', check.error);
      checked = check.value;
    }
    const cipher = await runCipher(ctx, runId);
    await ctx.db.tx((q) => addRunAmendment(q, cipher, ctx.actor(), runId, { itemId, value: checked, note: (note ?? '').trim() || null, reason }));
    return runDetail(ctx, runId);
  },

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
    const cipher = await runCipher(ctx, runId);
    await ctx.db.tx((q) => upsertAnswer(q, cipher, ctx.actor(), runId, { itemId, value: check.value, note: trimmed, secret: isTextItem(item) }, processId(ctx)));
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
    const cipher = await runCipher(ctx, runId);
    const id = cipher.contentId(bytes);
    const duplicate = await photoExists(ctx.db, id);
    // Files first: a crash between the two leaves an unreferenced encrypted file, never a row without its file.
    const store = files(ctx, cipher);
    await store.put('photos', `${id}.full`, prepared.full);
    await store.put('photos', `${id}.thumb`, prepared.thumb);
    await ctx.db.tx(async (q) => {
      const actor = ctx.actor();
      await ensurePhoto(q, cipher, actor, {
        id, mime: prepared.mime, width: prepared.width, height: prepared.height, bytes: prepared.full.length,
        originalName: name || null, takenAt: prepared.takenAt, lat: prepared.lat, lon: prepared.lon,
      });
      await linkPhoto(q, actor, runId, itemId, id);
      await touchRun(q, actor, runId, processId(ctx));
      await syncPhotoAnswer(ctx, q, runId, item, cipher);
    });
    const photo = (await runPhotos(ctx.db, runId)).find((p) => p.id === id && p.item_id === itemId)!;
    return { photo: photoView(photo, ctx), duplicate, score: await currentScore(ctx, runId, template) };
  },

  'checklists.runs.removePhoto': async ({ runId, itemId, photoId }, ctx) => {
    const { template } = await loadRun(ctx, runId, { open: true });
    const item = findItem(template, itemId);
    const cipher = await runCipher(ctx, runId);
    const removed = await ctx.db.tx(async (q) => {
      const ok = await unlinkPhoto(q, ctx.actor(), runId, itemId, photoId);
      if (ok && item) await syncPhotoAnswer(ctx, q, runId, item, cipher);
      return ok;
    });
    if (!removed) throw new ApiError('NOT_FOUND', { ko: '사진을 찾을 수 없습니다.', en: 'Photo not found.' });
    return { score: await currentScore(ctx, runId, template) };
  },

  'checklists.photos.get': async ({ id, size }, ctx) => {
    const { mime, bytes } = await photoFile(ctx, id, size);
    return { mime, dataBase64: bytes.toString('base64') };
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
    return runDetail(ctx, id);
  },

  'checklists.runs.upgrade': async ({ id }, ctx) => {
    const { run, template, custom } = await loadRun(ctx, id, { open: true });
    const latest = latestTemplate(run.template_id, custom);
    if (!latest || latest.version <= template.version) {
      throw new ApiError('CONFLICT', { ko: '이미 최신 버전입니다.', en: 'The run already uses the latest version.' });
    }
    const answers = await runAnswers(ctx.db, id, ctx.cipher);
    const result = upgradeRun(template, latest, answers);
    const cipher = await runCipher(ctx, id);
    await ctx.db.tx((q) => upgradeRunTo(q, cipher, ctx.actor(), run, latest.version, result.answers, result.unmapped, processId(ctx), textItems(latest)));
    return runDetail(ctx, id);
  },

  'checklists.runs.delete': async ({ id }, ctx) => {
    if (!(await ctx.db.tx((q) => deleteRun(q, ctx.actor(), id)))) throw runNotFound();
    return { id };
  },
};
