import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { Template } from '../../../checklists/engine/index.js';
import { findItem, okValue } from './checklist-answers.js';
import inspectionV2 from '../../../checklists/templates/inspection.v2.json' with { type: 'json' };
import inspectionV1 from '../../../checklists/templates/inspection.v1.json' with { type: 'json' };
import { openHarness, signedIn, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => h?.backend.close());

async function demoListing(x: Harness) {
  const [listing] = await x.api('listings.list', {});
  return listing;
}

const jpeg = (color = '#557799') =>
  sharp({ create: { width: 2400, height: 1200, channels: 3, background: color } })
    .withExif({ IFD2: { DateTimeOriginal: '2026:11:27 10:15:00' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 28/1 5244/100', GPSLongitudeRef: 'E', GPSLongitude: '126/1 57/1 1044/100' } })
    .jpeg()
    .toBuffer();


/** Answers every missing item with a 정상 value (attaching a photo where one is the answer). */
async function fillRest(x: Harness, runId: string) {
  for (let round = 0; round < 20; round++) {
    const d = await x.api('checklists.runs.get', { id: runId });
    if (d.score.missing.length === 0) return d;
    for (const m of d.score.missing) {
      const item = findItem(d.template, m.itemId);
      if (item.type === 'photo' || m.kind === 'photo') {
        await x.api('checklists.runs.attachPhoto', { runId, itemId: item.id, name: 'p.jpg', dataBase64: (await jpeg('#224466')).toString('base64') });
      } else if (m.kind === 'note') {
        const a = d.answers.find((v) => v.itemId === item.id)!;
        await x.api('checklists.runs.answer', { runId, itemId: item.id, value: a.value, note: '확인 메모' });
      } else {
        await x.api('checklists.runs.answer', { runId, itemId: item.id, value: okValue(item) });
      }
    }
  }
  throw new Error('could not fill the run');
}

describe('checklist templates', () => {
  it('lists the three built-ins and adds a district template once, never overwriting a published version', async () => {
    h = await signedIn();
    const list = await h.api('checklists.templates.list');
    expect(list.map((t) => [t.id, t.version, t.source]).sort()).toEqual([['contract', 2, 'builtin'], ['inspection', 2, 'builtin'], ['registry', 2, 'builtin']]);
    const gwanak = {
      id: 'gwanak-extra',
      version: 1,
      title: { ko: '관악구 추가 점검', en: 'Gwanak extra checks' },
      sections: [{ id: 's', title: { ko: '경사로', en: 'Slope' }, items: [{ id: 'steepSlope', type: 'yesno', prompt: { ko: '급경사 길입니까?', en: 'Steep road?' }, options: [{ value: 'yes', severity: 'caution' }, { value: 'no', severity: 'ok' }], help: { ko: '겨울철 위험', en: 'Risky in winter' } }] }],
    };
    const added = await h.api('checklists.templates.add', { json: JSON.stringify(gwanak) });
    expect(added).toMatchObject({ id: 'gwanak-extra', version: 1, source: 'custom', items: 1, addedBy: '정상담' });
    const again = await h.raw('checklists.templates.add', { json: JSON.stringify({ ...gwanak, title: { ko: '바뀐 제목', en: 'Changed' } }) });
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.error.code).toBe('VALIDATION');
      expect(again.error.message.ko).toContain('게시된 버전은 바꿀 수 없습니다');
    }
    expect((await h.api('checklists.templates.get', { id: 'gwanak-extra' })).title.ko).toBe('관악구 추가 점검');
    const builtin = await h.raw('checklists.templates.add', { json: JSON.stringify(inspectionV1) });
    expect(builtin.ok).toBe(false);
    const notJson = await h.raw('checklists.templates.add', { json: '{"id": ' });
    expect(notJson.ok ? null : [notJson.error.fields?.[0].path, notJson.error.message.ko]).toEqual(['json', expect.stringContaining('JSON 형식이 아닙니다')]);
    const typo = await h.raw('checklists.templates.add', { json: JSON.stringify({ ...gwanak, version: 2, sections: [{ ...gwanak.sections[0], items: [{ ...gwanak.sections[0].items[0], requiredif: true }] }] }) });
    expect(typo.ok ? null : typo.error.message.en).toMatch(/requiredif/);
  });
});

describe('checklist runs', () => {
  it('saves each answer at once with its audit entry; a run survives the backend closing and says it was recovered', async () => {
    h = await signedIn({ seedDemo: true });
    const listing = await demoListing(h);
    const started = await h.api('checklists.runs.start', { listingId: listing.id, templateId: 'inspection' });
    expect(started.recovered).toBe(false);
    expect(started.run).toMatchObject({ templateId: 'inspection', templateVersion: 2, status: 'open', startedBy: '정상담', isDemo: true });
    const runId = started.run.id;
    const r1 = await h.api('checklists.runs.answer', { runId, itemId: 'waterPressure', value: 'weak' });
    expect(r1.score.overall).toMatchObject({ verdict: 'caution', caution: 1, complete: false });
    expect(r1.score.overall.label.ko).toBe('주의 · 미완료');
    const money = await h.api('checklists.runs.answer', { runId, itemId: 'maintenanceFee', value: '12만' });
    expect(money.answer?.value).toBe(120_000);
    await h.api('checklists.runs.answer', { runId, itemId: 'condensation', value: 'yes', note: '안방 창틀' });
    const bad = await h.raw('checklists.runs.answer', { runId, itemId: 'waterPressure', value: 'excellent' });
    expect(bad.ok ? null : bad.error.fields?.[0].path).toBe('value');
    const unknown = await h.raw('checklists.runs.answer', { runId, itemId: 'noSuchItem', value: 'yes' });
    expect(unknown.ok ? null : unknown.error.fields?.[0].path).toBe('itemId');
    const audit = await h.api('audit.list', { id: runId });
    expect(audit.map((a) => a.fields[0])).toEqual(['listingId', 'answers.waterPressure', 'answers.maintenanceFee', 'answers.condensation']);
    // A second run on the same listing is allowed.
    await h.api('checklists.runs.start', { listingId: listing.id, templateId: 'inspection' });
    expect(await h.api('checklists.runs.list', { listingId: listing.id })).toHaveLength(2);

    // Close the backend (as after a crash) and open the same data directory again.
    const dir = h.dir;
    await h.backend.close();
    h = await openHarness({ dir });
    const [manager] = await h.api('managers.list');
    await h.api('session.start', { id: manager.id, pin: '1234' });
    const back = await h.api('checklists.runs.get', { id: runId });
    expect(back.recovered).toBe(true);
    // The listing's building type and floor were filled in when the run started (lease module).
    expect(back.answers.filter((a) => a.prefilledFrom).map((a) => [a.itemId, a.value, a.prefilledFrom])).toEqual([
      ['buildingType', 'dagagu', 'listing'],
      ['floorLevel', 'upper', 'listing'],
    ]);
    expect(back.answers.filter((a) => !a.prefilledFrom).map((a) => [a.itemId, a.value, a.note ?? null])).toEqual([
      ['waterPressure', 'weak', null],
      ['maintenanceFee', 120_000, null],
      ['condensation', 'yes', '안방 창틀'],
    ]);
    // Writing to it in this process makes it an ordinary open run again; the note is kept when only the value changes.
    await h.api('checklists.runs.answer', { runId, itemId: 'condensation', value: 'yes' });
    const now = await h.api('checklists.runs.get', { id: runId });
    expect(now.recovered).toBe(false);
    expect(now.answers.find((a) => a.itemId === 'condensation')?.note).toBe('안방 창틀');
    // The note is encrypted at rest.
    const raw = await h.backend.db.all<{ note_enc: string | null }>('SELECT note_enc FROM checklist_answers');
    expect(raw.some((r) => r.note_enc?.includes('안방'))).toBe(false);
  });

  it('attaches photos: downscaled, EXIF read, encrypted outside the database, fetched through the API, removable', async () => {
    h = await signedIn({ seedDemo: true });
    const listing = await demoListing(h);
    const runId = (await h.api('checklists.runs.start', { listingId: listing.id, templateId: 'inspection' })).run.id;
    const problem = await h.api('checklists.runs.answer', { runId, itemId: 'condensation', value: 'yes' });
    expect(problem.score.missing.filter((m) => m.itemId === 'condensation').map((m) => m.kind)).toEqual(['photo']);
    const original = await jpeg();
    const att = await h.api('checklists.runs.attachPhoto', { runId, itemId: 'condensation', name: '결로.jpg', dataBase64: original.toString('base64') });
    expect(att.photo).toMatchObject({ itemId: 'condensation', mime: 'image/jpeg', width: 2048, height: 1024, takenAt: '2026-11-27T10:15:00', name: '결로.jpg' });
    expect(att.photo.lat).toBeCloseTo(37.4812, 3);
    expect(att.duplicate).toBe(false);
    expect(att.score.missing.filter((m) => m.itemId === 'condensation')).toEqual([]);

    // On disk: only sealed files, none of them an image or a slice of one.
    const photoDir = path.join(h.backend.dataDir.filesDir, 'photos');
    const names = await readdir(photoDir);
    expect(names.sort()).toEqual([`${att.photo.id}.full`, `${att.photo.id}.thumb`]);
    const full = await h.api('checklists.photos.get', { id: att.photo.id, size: 'full' });
    const plainFull = Buffer.from(full.dataBase64, 'base64');
    expect((await sharp(plainFull).metadata()).width).toBe(2048);
    for (const n of names) {
      const sealed = await readFile(path.join(photoDir, n));
      expect(sealed.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
      expect(sealed.includes(plainFull.subarray(200, 264))).toBe(false);
      expect(sealed.includes(original.subarray(200, 264))).toBe(false);
    }
    const thumb = await h.api('checklists.photos.get', { id: att.photo.id, size: 'thumb' });
    expect((await sharp(Buffer.from(thumb.dataBase64, 'base64')).metadata()).width).toBe(320);

    const again = await h.api('checklists.runs.attachPhoto', { runId, itemId: 'condensation', name: 'same.jpg', dataBase64: original.toString('base64') });
    expect(again.duplicate).toBe(true);
    expect((await h.api('checklists.runs.get', { id: runId })).photos).toHaveLength(1);

    const gif = await h.raw('checklists.runs.attachPhoto', { runId, itemId: 'condensation', name: 'x.gif', dataBase64: Buffer.from('GIF89a0000000000').toString('base64') });
    expect(gif.ok ? null : [gif.error.fields?.[0].path, gif.error.message.ko]).toEqual(['dataBase64', expect.stringContaining('JPEG')]);

    const removed = await h.api('checklists.runs.removePhoto', { runId, itemId: 'condensation', photoId: att.photo.id });
    expect(removed.score.missing.filter((m) => m.itemId === 'condensation').map((m) => m.kind)).toEqual(['photo']);
    expect((await h.raw('checklists.photos.get', { id: att.photo.id, size: 'thumb' })).ok).toBe(false);
  });

  it('refuses completion while items are missing and lists them; completes with time and manager', async () => {
    h = await signedIn({ seedDemo: true });
    const listing = await demoListing(h);
    const runId = (await h.api('checklists.runs.start', { listingId: listing.id, templateId: 'inspection' })).run.id;
    await h.api('checklists.runs.answer', { runId, itemId: 'ceilingLeak', value: 'yes' });
    const refused = await h.raw('checklists.runs.complete', { id: runId });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('CONFLICT');
      expect(refused.error.message.ko).toMatch(/^아직 완료할 수 없습니다\. 남은 항목 \d+개/);
      expect(refused.error.fields?.map((f) => f.path)).toContain('items.viewedOn');
      expect(refused.error.fields?.find((f) => f.path === 'items.ceilingLeak')?.message.ko).toContain('사진');
    }
    await fillRest(h, runId);
    h.clock.now = new Date('2026-11-27T01:03:00Z');
    const done = await h.api('checklists.runs.complete', { id: runId });
    expect(done.run).toMatchObject({ status: 'completed', completedAt: '2026-11-27T01:03:00.000Z', completedBy: '정상담' });
    expect(done.score.overall).toMatchObject({ verdict: 'danger', complete: true, label: { ko: '위험', en: 'Danger' } });
    expect(done.score.drivers[0]).toMatchObject({ itemId: 'ceilingLeak', severity: 'danger' });
    const late = await h.raw('checklists.runs.answer', { runId, itemId: 'ceilingLeak', value: 'no' });
    expect(late.ok ? null : late.error.code).toBe('CONFLICT');
    expect(done.recovered).toBe(false);
  });

  it('upgrades an open run to a newer version, carrying answers by item id and keeping the ones that no longer fit', async () => {
    h = await signedIn({ seedDemo: true });
    const listing = await demoListing(h);
    const runId = (await h.api('checklists.runs.start', { listingId: listing.id, templateId: 'inspection' })).run.id;
    await h.api('checklists.runs.answer', { runId, itemId: 'condensation', value: 'yes', note: '북쪽 창' });
    await h.api('checklists.runs.answer', { runId, itemId: 'drainSmell', value: 'no' });
    await h.api('checklists.runs.answer', { runId, itemId: 'waterPressure', value: 'veryWeak' });
    // v3 (after the built-in v2 of issue 13): drainSmell removed, waterPressure loses "veryWeak".
    const v2 = structuredClone(inspectionV2) as unknown as Template;
    v2.version = 3;
    for (const s of v2.sections) s.items = s.items.filter((i) => i.id !== 'drainSmell');
    const wp = findItem(v2, 'waterPressure');
    if (wp.type === 'single') wp.options = wp.options.filter((o) => o.value !== 'veryWeak');
    await h.api('checklists.templates.add', { json: JSON.stringify(v2) });
    expect((await h.api('checklists.runs.get', { id: runId })).run.latestVersion).toBe(3);
    const up = await h.api('checklists.runs.upgrade', { id: runId });
    expect(up.run).toMatchObject({ templateVersion: 3, upgradedFrom: 2 });
    // (buildingType and floorLevel were prefilled from the listing when the run started.)
    const carried = up.answers.filter((a) => a.itemId !== 'buildingType' && a.itemId !== 'floorLevel');
    expect(carried.map((a) => a.itemId)).toEqual(['condensation']);
    expect(carried[0].note).toBe('북쪽 창');
    expect(up.unmapped.map((u) => [u.itemId, u.reason, u.fromVersion, u.toVersion]).sort()).toEqual([
      ['drainSmell', 'item-removed', 2, 3],
      ['waterPressure', 'option-removed', 2, 3],
    ]);
    // Still there after reading it again.
    expect((await h.api('checklists.runs.get', { id: runId })).unmapped).toHaveLength(2);
    const twice = await h.raw('checklists.runs.upgrade', { id: runId });
    expect(twice.ok ? null : twice.error.code).toBe('CONFLICT');
    // New runs start at the latest version.
    expect((await h.api('checklists.runs.start', { listingId: listing.id, templateId: 'inspection' })).run.templateVersion).toBe(3);
  });

  it('lists runs across cases, most recently worked on first', async () => {
    h = await signedIn({ seedDemo: true });
    const listings = await h.api('listings.list', {});
    const a = (await h.api('checklists.runs.start', { listingId: listings[0].id, templateId: 'registry' })).run.id;
    h.clock.now = new Date('2026-11-27T01:01:00Z');
    const b = (await h.api('checklists.runs.start', { listingId: listings[1].id, templateId: 'contract' })).run.id;
    h.clock.now = new Date('2026-11-27T01:02:00Z');
    await h.api('checklists.runs.answer', { runId: a, itemId: 'certFresh', value: 'yes' });
    const all = await h.api('checklists.runs.list', {});
    expect(all.map((r) => r.id)).toEqual([a, b]);
    expect(all[0].address).toContain('(예시)');
    await h.api('checklists.runs.delete', { id: a });
    expect((await h.api('checklists.runs.list', {})).map((r) => r.id)).toEqual([b]);
  });
});
