// The table of `ansim` subcommands: one entry per engine, each module imported lazily
// so `ansim calc …` does not pay for geo or PDF code.
import type { Subcommand } from './io.js';

export interface CommandEntry {
  summary: string;
  load: () => Promise<Subcommand>;
}

export const commands: Record<string, CommandEntry> = {
  report: { summary: 'PDF reports: sample --out FILE.pdf', load: async () => (await import('./report.js')).main },
  geo: { summary: 'site study: import | study run | synth', load: async () => (await import('./geo.js')).main },
  checklist: { summary: 'checklist templates: list | validate FILE', load: async () => (await import('./checklist.js')).main },
  calc: { summary: 'legal calculators: calc NAME < input.json', load: async () => (await import('./calc.js')).main },
  registry: { summary: 'rights analysis: registry analyze < registry.json | registry diff OLD.json NEW.json', load: async () => (await import('./registry.js')).main },
  lease: { summary: 'lease timeline: lease timeline < lease.json', load: async () => (await import('./lease.js')).main },
  reference: { summary: 'legal reference pack: show | validate FILE | load FILE --data-dir DIR --manager NAME', load: async () => (await import('./reference.js')).main },
  policy: { summary: 'housing-support programmes: policy match < facts.json', load: async () => (await import('./policy.js')).main },
  backup: { summary: 'encrypted backup: create --data-dir DIR --out FILE | verify FILE | restore FILE --to DIR', load: async () => (await import('./backup.js')).main },
  // e.g. calc: { summary: 'legal calculators (JSON on stdin)', load: async () => (await import('./calc.js')).main },
};
