// The site-study screen's state: the map's layers (top first), the open study, its run job and
// results, and the selected / compared sites.
import { create } from 'zustand';
import type { GeoRunView } from '../../../../electron/api/geo-methods.js';
import type { MapLayer } from './layers.js';

export interface GeoState {
  layers: MapLayer[];
  /** Shipped layers' GeoJSON by id, loaded once. */
  shippedData: Record<string, unknown>;
  studyId: string | null;
  run: GeoRunView | null;
  selectedSite: number | null;
  compare: number[];
  /** The imported layer's feature selected in its attribute table or on the map (its tile id). */
  selectedFeature: { layer: string; index: number } | null;
  selectFeature(f: { layer: string; index: number } | null): void;
  setLayers(layers: MapLayer[]): void;
  update(id: string, patch: Partial<MapLayer>): void;
  move(id: string, delta: -1 | 1): void;
  remove(id: string): void;
  upsert(layer: MapLayer, top?: boolean): void;
  setShipped(id: string, data: unknown): void;
  openStudy(id: string | null, run: GeoRunView | null): void;
  selectSite(id: number | null): void;
  toggleCompare(id: number): void;
}

export const useGeo = create<GeoState>((set, get) => ({
  layers: [],
  shippedData: {},
  studyId: null,
  run: null,
  selectedSite: null,
  compare: [],
  selectedFeature: null,
  selectFeature: (selectedFeature) => set({ selectedFeature }),
  setLayers: (layers) => set({ layers }),
  update: (id, patch) => set({ layers: get().layers.map((l) => (l.id === id ? { ...l, ...patch } : l)) }),
  move: (id, delta) => {
    const ls = [...get().layers];
    const i = ls.findIndex((l) => l.id === id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= ls.length) return;
    [ls[i], ls[j]] = [ls[j], ls[i]];
    set({ layers: ls });
  },
  remove: (id) => set({ layers: get().layers.filter((l) => l.id !== id) }),
  upsert: (layer, top = true) => {
    const ls = get().layers.filter((l) => l.id !== layer.id);
    set({ layers: top ? [layer, ...ls] : [...ls, layer] });
  },
  setShipped: (id, data) => set({ shippedData: { ...get().shippedData, [id]: data } }),
  openStudy: (studyId, run) => set({ studyId, run, selectedSite: null, compare: [] }),
  selectSite: (selectedSite) => set({ selectedSite }),
  toggleCompare: (id) => {
    const c = get().compare;
    set({ compare: c.includes(id) ? c.filter((x) => x !== id) : [...c, id].slice(-3) });
  },
}));
