// Plain tables of a run's results, shared by every export (CSV, xlsx, Shapefile DBF, the API).
import type { RankedSite } from './evaluate.js';
import type { SiteView, StudySummary } from './results.js';

const round = (v: number, d: number) => (Number.isFinite(v) ? Math.round(v * 10 ** d) / 10 ** d : v);

/** A site without geometry or internal parcel indexes. */
export function siteView(site: RankedSite): SiteView {
  return {
    id: site.id, siteId: site.siteId, rank: site.rank, score: site.score, area: site.area, areaSource: site.areaSource,
    planarArea: site.planarArea, ledgerArea: site.ledgerArea, perimeter: site.perimeter, compactness: site.compactness,
    parcelCount: site.parcels.length, parcelIds: site.parcelIds, eligible: site.eligible, reachesTarget: site.reachesTarget,
    criteria: site.criteria, stability: site.stability, dissolve: site.dissolve,
  };
}

export type Cell = string | number | null;

export interface RankingTable {
  head: string[];
  rows: Cell[][];
}

/**
 * The ranking as a table: one row per ranked site, in rank order. `rank` is the position,
 * `site_id` the smallest PNU of the site (stable across runs), `site` the run's site number.
 */
export function rankingTable(run: { sites: SiteView[]; summary: Pick<StudySummary, 'weights'> }, opts: { parcelIds?: boolean } = {}): RankingTable {
  const ids = Object.keys(run.summary.weights);
  const head = ['rank', 'site_id', 'site', 'score', 'area_m2', 'area_source', 'planar_area_m2', 'parcels', 'compactness', 'top_share', 'mean_rank',
    ...ids.flatMap((id) => [`${id}_raw`, `${id}_score`, `${id}_weight`, `${id}_contribution`]), ...(opts.parcelIds === false ? [] : ['pnu'])];
  const rows: Cell[][] = [];
  for (const site of run.sites) {
    if (site.rank === null) continue;
    rows.push([
      site.rank, site.siteId, site.id, round(site.score, 9), round(site.area, 2), site.areaSource, round(site.planarArea, 2), site.parcelCount, round(site.compactness, 4),
      site.stability ? round(site.stability.topShare, 4) : null, site.stability ? round(site.stability.meanRank, 2) : null,
      ...ids.flatMap((id) => { const c = site.criteria[id]; return [c.raw === null ? null : round(c.raw, 4), round(c.score, 6), round(c.weight, 6), round(c.contribution, 6)]; }),
      ...(opts.parcelIds === false ? [] : [site.parcelIds.join(' ')]),
    ]);
  }
  return { head, rows };
}

/** RFC 4180 CSV with CRLF line ends and a UTF-8 BOM (Excel opens Hangul correctly). */
export function toCsv(t: RankingTable): string {
  const cell = (v: Cell) => {
    if (v === null) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) || s.includes(' ') ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\ufeff${[t.head, ...t.rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
