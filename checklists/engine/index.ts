// The checklist engine: pure functions over template data and answers. See docs/CHECKLISTS.md.
export * from './schema.js';
export { evaluate, referencedItems } from './conditions.js';
export { validateAnswer, severityOf, evidenceRequired, describeAnswer, optionLabel, type AnswerCheck, type EvidenceDemand } from './answers.js';
export {
  visibleItems,
  canComplete,
  score,
  VERDICT_LABELS,
  SEVERITY_LABELS,
  type AnswerInput,
  type EvidenceInput,
  type VisibleItem,
  type Missing,
  type MissingKind,
  type Verdict,
  type Tally,
  type SectionScore,
  type Driver,
  type RunScore,
} from './run.js';
export { upgradeRun, type Unmapped, type UnmappedReason, type UpgradeResult } from './upgrade.js';
export { validateTemplateData, formatPath, parseTemplateJson, TemplateError, TEMPLATE_LIMITS, type TemplateCheck } from './validate.js';
export {
  builtInTemplates,
  listTemplates,
  getTemplate,
  latestTemplate,
  templateSummary,
  acceptTemplate,
  BUILT_IN_TEMPLATE_DATA,
  type TemplateKey,
} from './registry.js';
