// Site studies through the API. The engine (geo/) validates study documents and does the work;
// these handlers store documents and run summaries in SQLite and keep outputs in the data
// directory's geo/ folder. A run is CPU-bound (about 20 s at 1M parcels): it runs as a job in a
// worker thread (jobs/), so the request loop keeps answering; the method returns the job's id.
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../api/errors.js';
import type { GeoExportFile, GeoInspectView, GeoResults, GeoRunView } from '../../api/geo-methods.js';
import { existsSync } from 'node:fs';
import { type ExportFile, rankingCsv, rankingXlsx, readSites, sitesGeoJson, sitesShapefile } from '../../../geo/io/exports.js';
import { readSeoulLayer } from '../../../data/layers/files.js';
import { renderSiteReport } from '../reports/site-report.js';
import { deleteStudy, getStudy, listStudies, recordRun, restoreStudy, saveStudy, studyView } from '../../../data/repos/geo-studies.js';
import { GeoInputError } from '../../../geo/core/messages.js';
import { parseStudy } from '../../../geo/io/run.js';
import type { Study } from '../../../geo/core/schema.js';
import type { InspectInput, StudyRunInput, StudyRunOutput } from '../jobs/tasks.js';
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

/** The last run's sites (read from its output folder) and the stored study; a clear error when there is none. */
async function lastRun(ctx: HandlerContext, id: string) {
  const stored = await view(ctx, id);
  const sitesFile = path.join(geoDir(ctx, 'runs', id), 'sites.geojson');
  if (!stored.lastRun || !existsSync(sitesFile)) {
    throw new ApiError('VALIDATION', { ko: '먼저 분석을 실행하세요. 내보낼 결과가 없습니다.', en: 'Run the study first: there are no results to export.' }, [{ path: 'id', message: { ko: '실행 결과 없음', en: 'no run' } }]);
  }
  // Files are named after the study as the user saved it.
  return { stored, sites: readSites(sitesFile), summary: { ...stored.lastRun.summary, name: stored.name } };
}

const file = (f: ExportFile): GeoExportFile => ({ fileName: f.fileName, mime: f.mime, dataBase64: Buffer.from(f.bytes).toString('base64') });

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
    let parsed;
    try {
      parsed = parseStudy(doc);
    } catch (e) {
      fromGeoError(e, 'study');
    }
    // Layers name files the user picked (refs); they are resolved here, on the request loop that
    // holds the grants, and the worker gets the paths (a raw path never comes from the API).
    refsOnly(parsed);
    const refs: Record<string, string> = {};
    for (const [name, l] of Object.entries(parsed.layers)) {
      if (!l.ref) continue;
      try {
        refs[l.ref] = ctx.files.resolve(l.ref);
      } catch (e) {
        if (e instanceof ApiError) throw new ApiError(e.code, e.bilingual, [{ path: `study.layers.${name}.ref`, message: e.bilingual }]);
        throw e;
      }
    }
    const input: StudyRunInput = { study: doc, refs };
    const jobId = ctx.jobs.start('geo.study.run', input, {
      finalize: async (raw, workDir) => {
        const out = raw as StudyRunOutput;
        const outDir = geoDir(ctx, 'runs', id);
        await replaceDir(workDir, outDir);
        const at = (f: string | undefined) => (f ? path.join(outDir, path.basename(f)) : undefined);
        const result: GeoRunView = {
          summary: out.summary,
          sites: out.sites,
          outputs: { sites: at(out.outputs.sites)!, survivors: at(out.outputs.survivors)!, ranking: at(out.outputs.ranking)!, ...(out.outputs.parcels ? { parcels: at(out.outputs.parcels) } : {}), results: path.join(outDir, 'parcels.bin') },
        };
        // The transferred per-parcel result feeds the map's tiles without reading the file back.
        ctx.tiles.putRun(id, out.results);
        await ctx.db.tx((q) => recordRun(q, ctx.actor(), id, result));
        return result;
      },
    });
    return { jobId };
  },
  'geo.import.inspect': async ({ file, encoding, crs, x, y }, ctx) => {
    const input: InspectInput = { path: ctx.files.resolve(file.ref), encoding, crs: crs ? (Number(crs.slice(5)) as InspectInput['crs']) : undefined, x, y };
    const jobId = ctx.jobs.start('geo.import.inspect', input, { finalize: async (raw) => raw as GeoInspectView });
    return { jobId };
  },
  'geo.export.sites': async ({ id, format, encoding }, ctx) => {
    const { stored, sites, summary } = await lastRun(ctx, id);
    return file(format === 'geojson' ? sitesGeoJson(sites, stored.name) : await sitesShapefile(sites, summary, encoding));
  },
  'geo.export.ranking': async ({ id, format }, ctx) => {
    const { sites, summary } = await lastRun(ctx, id);
    return file(format === 'csv' ? rankingCsv(sites, summary) : await rankingXlsx(sites, summary));
  },
  'geo.export.report': async ({ id, top, locale }, ctx) => {
    const { stored, sites, summary } = await lastRun(ctx, id);
    const study = parseStudy(stored.study);
    const context = Object.fromEntries((['dong', 'subwayLines', 'parks', 'hospitals', 'stations'] as const).map((l) => [l, readSeoulLayer(l).features]));
    const bytes = await renderSiteReport({
      study, summary, sites: sites.filter((s) => s.properties.rank !== null).slice(0, top),
      context, ranAt: stored.lastRunAt ?? ctx.now().toISOString(), createdAt: ctx.now(), locale,
    });
    return file({ fileName: `${stored.name.replace(/[\\/:*?"<>|\s]+/g, '_')}_site_report.pdf`, mime: 'application/pdf', bytes });
  },
};

/** Puts a finished job's folder where the outputs live, replacing the previous run's as a whole. */
async function replaceDir(from: string, to: string) {
  await mkdir(path.dirname(to), { recursive: true });
  const old = `${to}.old-${Date.now()}`;
  await rename(to, old).catch(() => undefined);
  await rename(from, to);
  await rm(old, { recursive: true, force: true });
}
