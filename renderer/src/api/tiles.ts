// Vector tiles for MapLibre through the same API on both transports: an `ansim://tiles/<layer>/
// <z>/<x>/<y>` protocol handler calls `map.tiles.get` over the preload bridge in Electron (the
// result is a Uint8Array, structured-cloned, never base64) or GETs /tiles/… with the token from
// the loopback host. A 1M-parcel layer never becomes a GeoJSON source in the page.
import { addProtocol } from 'maplibre-gl';
import { authToken } from './client.js';

let registered = false;

export const tileUrl = (layer: string) => `ansim://tiles/${encodeURIComponent(layer)}/{z}/{x}/{y}`;

export async function fetchTile(layer: string, z: number, x: number, y: number, signal?: AbortSignal): Promise<ArrayBuffer> {
  if (window.ansim) {
    const r = await window.ansim.call('map.tiles.get', { layer, z, x, y });
    if (!r.ok) throw new Error(r.error.message.en);
    const u8 = r.result as Uint8Array;
    return u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength) as ArrayBuffer;
  }
  const res = await fetch(`/tiles/${encodeURIComponent(layer)}/${z}/${x}/${y}`, { headers: { Authorization: `Bearer ${authToken() ?? ''}` }, signal });
  if (res.status === 204) return new ArrayBuffer(0);
  if (!res.ok) throw new Error(`tile ${res.status}`);
  return res.arrayBuffer();
}

export function registerTileProtocol() {
  if (registered) return;
  registered = true;
  addProtocol('ansim', async (params, abort) => {
    const m = /^ansim:\/\/tiles\/([^/]+)\/(\d+)\/(\d+)\/(\d+)$/.exec(params.url);
    if (!m) throw new Error(`not a tile URL: ${params.url}`);
    const data = await fetchTile(decodeURIComponent(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), abort.signal);
    return { data };
  });
}
