// The analysis the app shows for one listing: the saved registry document, the listing's own
// facts and the registry checklist's answers, through the same engine as `ansim registry analyze`.
import type { ReferenceTables } from '../../data/reference/index.js';
import { analyzeRegistry, type RegistryAnalysis } from './analyze.js';
import { checklistEntryWarnings, registryChecklistFacts, type ChecklistAnswers } from './checklist-facts.js';
import { OWNERSHIP_KINDS } from './entries.js';
import { flag, sortFlags, verdictOf, VERDICT_LABELS } from './flags.js';
import { toRegistryInput, type ListingFacts, type RegistryDoc } from './registry-doc.js';

export function analyzeListing(
  doc: RegistryDoc,
  listing: ListingFacts,
  answers: ChecklistAnswers = {},
  options: { asOf?: string; tables?: ReferenceTables } = {},
): RegistryAnalysis {
  const facts = registryChecklistFacts(answers);
  const { input, warnings, landlordUnknown } = toRegistryInput(doc, listing, facts);
  const a = analyzeRegistry(input, options);
  let flags = a.flags;
  if (landlordUnknown && a.owners.length > 0) {
    // No landlord name to compare with the owners: say what is missing instead of a mismatch.
    flags = flags.filter((f) => f.code !== 'R1');
    flags.push(flag('R1', 'caution', {
      ko: `임대인 이름이 매물에 입력되지 않아 등기부상 소유자(${a.owners.join(', ')})와 같은 사람인지 확인할 수 없습니다.`,
      en: `No landlord name on the listing, so it cannot be compared with the registered owner (${a.owners.join(', ')}).`,
    }, { ko: '등기사항전부증명서 갑구 소유자 확인 (국토교통부 3·3·3 ⑤)', en: 'Owner in 갑구 of the register (MOLIT 3·3·3 ⑤)' }, { missing: ['landlordName'] }));
  }
  const live = (gu: string) => a.ladder.entries.filter((e) => e.gu === gu && !e.cancelled && e.kind !== 'cancellation' && (e.kind === 'trust' || !OWNERSHIP_KINDS.includes(e.kind))).length;
  const sorted = sortFlags(flags);
  const verdict = verdictOf(sorted);
  return {
    ...a,
    flags: sorted,
    verdict,
    verdictLabel: VERDICT_LABELS[verdict],
    warnings: [...warnings, ...checklistEntryWarnings(facts, live('갑구'), live('을구')), ...a.warnings],
  };
}
