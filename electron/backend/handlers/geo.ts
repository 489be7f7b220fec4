// Site studies through the API. The engine (geo/) validates study documents and does the work;
// these handlers store documents and run summaries in SQLite and keep outputs in the data
// directory's geo/ folder. A run is CPU-bound (about 20 s at 1M parcels): it runs in the backend
// process (never the window's), and parcel loading spreads over worker threads.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../api/errors.js';
import type { GeoResults, GeoRunView } from '../../api/geo-methods.js';
import { deleteStudy, getStudy, listStudies, recordRun, restoreStudy, saveStudy, studyView } from '../../../data/repos/geo-studies.js';
import { GeoInputError } from '../../../geo/core/messages.js';
import { parseStudy, runStudy, writeStudyOutputs } from '../../../geo/io/run.js';
import type { Study } from '../../../geo/core/schema.js';
import { inspectLayer } from '../../../geo/io/import-file.js';
import { siteView } from '../../../geo/core/tables.js';
import type { HandlerContext, HandlerMap } from '../context.js';

const notFound = () => new ApiError('NOT_FOUND', { ko: '부지 분석을 찾을 수 없습니다.', en: 'Study not found.' });

/** The engine's input errors become validation errors naming the field or file. */
function fromGeoError(e: unknown, field: string): never {
  if (e instanceof GeoInputError) {
    const issues = (e.detail?.issues as { path: string; message: string }[] | undefined) ?? [];
    const candidates = e.detail?.candidates as string[] | undefined;
    const fields = issues.length
      ? issues.map((i) => ({ path: `${field}.${i.path}`, message: { ko: i.message, en: i.message } }))
      : [{ path: candidates ? 'crs' : field, message: e.msg }];
    throw new ApiError('VALIDATION', e.msg, fields);
  }
  throw e;
}

/** Studies saved or run through the API name their layers by file reference only. */
function refsOnly(study: Study): void {
  const bad = Object.entries(study.layers).filter(([, l]) => l.path !== undefined).map(([name]) => name);
  if (bad.length) {
    const msg = { ko: `레이어 파일은 앱에서 선택해 지정하세요 (경로는 받지 않습니다): ${bad.join(', ')}`, en: `Pick layer files in the app (paths are not accepted): ${bad.join(', ')}` };
    throw new ApiError('VALIDATION', msg, bad.map((n) => ({ path: `study.layers.${n}.path`, message: msg })));
  }
}

async function view(ctx: HandlerContext, id: string) {
  const row = await getStudy(ctx.db, id);
  if (!row) throw notFound();
  return studyView(row) as GeoResults['geo.studies.get'];
}

function geoDir(ctx: HandlerContext, ...parts: string[]) {
  return path.join(path.dirname(ctx.filesDir), 'geo', ...parts);
}

export const geoHandlers: Pick<HandlerMap, keyof GeoResults> = {
  'geo.studies.list': async (_input, ctx) => (await listStudies(ctx.db)).map((r) => studyView(r) as GeoResults['geo.studies.get']),
  'geo.studies.get': async ({ id }, ctx) => view(ctx, id),
  'geo.studies.save': async ({ id, name, study }, ctx) => {
    let parsed;
    try {
      parsed = parseStudy(study);
    } catch (e) {
      fromGeoError(e, 'study');
    }
    refsOnly(parsed);
    const saved = await ctx.db.tx((q) => saveStudy(q, ctx.actor(), id, name, study));
    if (!saved) throw notFound();
    return view(ctx, saved);
  },
  'geo.studies.delete': async ({ id }, ctx) => {
    if (!(await ctx.db.tx((q) => deleteStudy(q, ctx.actor(), id)))) throw notFound();
    return { id };
  },
  'geo.studies.restore': async ({ id }, ctx) => {
    if (!(await ctx.db.tx((q) => restoreStudy(q, ctx.actor(), id)))) throw notFound();
    return view(ctx, id);
  },
  'geo.studies.run': async ({ id, draws }, ctx) => {
    const stored = await view(ctx, id);
    const doc = draws === undefined ? stored.study : { ...stored.study, sensitivity: { ...(stored.study.sensitivity as object), draws } };
    let run;
    try {
      // Layers name files the user picked (refs); a raw path never reaches the engine from the API.
      refsOnly(parseStudy(doc));
      run = await runStudy(doc, { resolveRef: (ref) => ctx.files.resolve(ref) });
    } catch (e) {
      fromGeoError(e, 'study');
    }
    const outDir = geoDir(ctx, 'runs', id);
    await mkdir(outDir, { recursive: true });
    const outputs = writeStudyOutputs(run, outDir);
    const result: GeoRunView = {
      summary: run.summary,
      sites: run.sites.slice(0, 50).map((s) => ({ ...siteView(s), parcelIds: s.parcelIds.slice(0, 200) })),
      outputs,
    };
    await ctx.db.tx((q) => recordRun(q, ctx.actor(), id, result));
    return result;
  },
  'geo.import.inspect': async ({ file, encoding, crs, x, y }, ctx) => {
    const input = ctx.files.resolve(file.ref);
    try {
      return inspectLayer(input, {
        encoding,
        crs: crs ? (Number(crs.slice(5)) as 4326 | 5174 | 5179 | 5181 | 5186) : undefined,
        xField: x,
        yField: y,
      });
    } catch (e) {
      fromGeoError(e, 'file');
    }
  },
};
