// The built-in templates and the rules for adding new ones. Pure: the JSON files are bundled
// by import, and storing districts' own templates (SQLite) is the caller's job.
import contractV1 from '../templates/contract.v1.json' with { type: 'json' };
import inspectionV1 from '../templates/inspection.v1.json' with { type: 'json' };
import registryV1 from '../templates/registry.v1.json' with { type: 'json' };
// v2 (issue 13): 등록임대사업자, the renewal cases, 미납국세 열람, 중개보수 VAT, 승강기, the auction item.
import contractV2 from '../templates/contract.v2.json' with { type: 'json' };
import inspectionV2 from '../templates/inspection.v2.json' with { type: 'json' };
import registryV2 from '../templates/registry.v2.json' with { type: 'json' };
import type { Template } from './schema.js';
import { validateTemplateData } from './validate.js';

/** Raw data of every built-in template file (`checklists/templates/<id>.v<version>.json`). */
export const BUILT_IN_TEMPLATE_DATA: Readonly<Record<string, unknown>> = {
  'inspection.v1.json': inspectionV1,
  'registry.v1.json': registryV1,
  'contract.v1.json': contractV1,
  'inspection.v2.json': inspectionV2,
  'registry.v2.json': registryV2,
  'contract.v2.json': contractV2,
};

let builtIns: Template[] | undefined;

/** Every built-in template version, validated (a broken built-in is a bug: it throws). */
export function builtInTemplates(): Template[] {
  if (!builtIns) {
    builtIns = Object.entries(BUILT_IN_TEMPLATE_DATA).map(([file, data]) => {
      const check = validateTemplateData(data);
      if (!check.ok) throw new Error(`built-in checklist ${file} is invalid:\n${check.errors.join('\n')}`);
      if (file !== `${check.template.id}.v${check.template.version}.json`) {
        throw new Error(`built-in checklist ${file} holds ${check.template.id} v${check.template.version}; the file name must match`);
      }
      return check.template;
    });
  }
  return builtIns;
}

/** The latest version of each template, built-ins plus any custom ones the caller stores. */
export function listTemplates(custom: readonly Template[] = []): Template[] {
  const latest = new Map<string, Template>();
  for (const t of [...builtInTemplates(), ...custom]) {
    const seen = latest.get(t.id);
    if (!seen || t.version > seen.version) latest.set(t.id, t);
  }
  return [...latest.values()];
}

/** One template version, or undefined. Runs pin (id, version) and load it through this. */
export function getTemplate(id: string, version: number, custom: readonly Template[] = []): Template | undefined {
  return [...builtInTemplates(), ...custom].find((t) => t.id === id && t.version === version);
}

/** The newest version of a template id, or undefined. */
export function latestTemplate(id: string, custom: readonly Template[] = []): Template | undefined {
  return listTemplates(custom).find((t) => t.id === id);
}

/** Counts for listings: `ansim checklist list` and the template picker. */
export function templateSummary(t: Template): { id: string; version: number; title: Template['title']; sections: number; items: number } {
  return { id: t.id, version: t.version, title: t.title, sections: t.sections.length, items: t.sections.reduce((n, s) => n + s.items.length, 0) };
}

export interface TemplateKey {
  id: string;
  version: number;
}

/**
 * Checks a district's template before it is stored. `existing` lists every stored (id, version),
 * built-ins included or not (they are added here). Published versions are immutable, so the
 * candidate must be a new id or a version above the latest of its id.
 */
export function acceptTemplate(existing: readonly TemplateKey[], candidate: unknown): { ok: true; template: Template } | { ok: false; errors: string[] } {
  const check = validateTemplateData(candidate);
  if (!check.ok) return check;
  const t = check.template;
  const keys = [...existing, ...builtInTemplates().map((b) => ({ id: b.id, version: b.version }))].filter((k) => k.id === t.id);
  if (keys.some((k) => k.version === t.version)) {
    return { ok: false, errors: [`version: ${t.id} v${t.version} is already published and cannot be replaced; give the file a new version number (게시된 버전은 바꿀 수 없습니다. 새 버전 번호를 쓰세요)`] };
  }
  const latest = Math.max(0, ...keys.map((k) => k.version));
  if (t.version <= latest) {
    return { ok: false, errors: [`version: ${t.id} v${t.version} is not above the latest published version ${latest} (최신 버전 ${latest}보다 커야 합니다)`] };
  }
  return { ok: true, template: t };
}
