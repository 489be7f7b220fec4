// Streams a GeoJSON FeatureCollection to disk, one feature per line, coordinates with fixed
// decimals (9 for degrees ≈ 0.1 mm; 3 for metres) so no precision is silently dropped.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Geometry, Position } from 'geojson';

export class GeoJsonWriter {
  private fd: number;
  private first = true;
  private buf: string[] = [];
  private size = 0;
  count = 0;

  constructor(path: string, private decimals = 9, extra: Record<string, unknown> = {}) {
    this.fd = openSync(path, 'w');
    const head = JSON.stringify({ type: 'FeatureCollection', ...extra });
    writeSync(this.fd, `${head.slice(0, -1)},"features":[\n`);
  }

  write(geometry: Geometry, properties: Record<string, unknown>, id?: string | number): void {
    const line = `${this.first ? '' : ',\n'}{"type":"Feature",${id !== undefined ? `"id":${JSON.stringify(id)},` : ''}"properties":${JSON.stringify(properties)},"geometry":${geometryJson(geometry, this.decimals)}}`;
    this.first = false;
    this.count++;
    this.buf.push(line);
    this.size += line.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buf.length) writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    writeSync(this.fd, '\n]}\n');
    closeSync(this.fd);
  }
}

export function geometryJson(g: Geometry, d: number): string {
  const p = (c: Position) => `[${c[0].toFixed(d)},${c[1].toFixed(d)}]`;
  const l = (cs: Position[]) => `[${cs.map(p).join(',')}]`;
  switch (g.type) {
    case 'Point':
      return `{"type":"Point","coordinates":${p(g.coordinates)}}`;
    case 'MultiPoint':
    case 'LineString':
      return `{"type":"${g.type}","coordinates":${l(g.coordinates)}}`;
    case 'Polygon':
    case 'MultiLineString':
      return `{"type":"${g.type}","coordinates":[${g.coordinates.map(l).join(',')}]}`;
    case 'MultiPolygon':
      return `{"type":"MultiPolygon","coordinates":[${g.coordinates.map((q) => `[${q.map(l).join(',')}]`).join(',')}]}`;
    default:
      return JSON.stringify(g);
  }
}
