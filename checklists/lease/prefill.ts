// What a new checklist run can start with, from what the case already knows: the listing
// (building type, floor incl. 반지하, deposit, rent), the case's lease facts (kind, dates, 계약금,
// 중도금, 잔금) and the registry entry (live 갑구/을구 entries, 채권최고액, building register). Each
// answer names where it came from; the screen shows it as prefilled and the manager can change
// it. Only answers the template's item accepts are returned. Pure.
import type { AnswerValue, Template } from '../engine/schema.js';
import { validateAnswer } from '../engine/answers.js';
import { classifyPurpose } from '../rights/entries.js';
import type { RegistryDoc } from '../rights/registry-doc.js';
import type { LeaseFacts } from './timeline.js';

export type PrefillSource = 'listing' | 'lease' | 'registry';

export interface CaseKnowledge {
  listing: {
    buildingType: string | null;
    floorKind: string | null;
    floor: number | null;
    deposit: number | null;
    monthlyRent: number | null;
    marketValue: number | null;
  };
  lease: LeaseFacts | null;
  registry: RegistryDoc | null;
}

const BUILDING: Record<string, string> = {
  apartment: 'apartment', rowhouse_multiplex: 'villa', multi_household: 'dagagu', detached: 'detached', officetel: 'officetel', other: 'other',
};
const KIND: Record<string, string> = { new: 'new', agreedRenewal: 'renewalAgreed', renewalDemand: 'renewalRight' };
const GAPGU: Record<string, string> = { attachment: 'seizure', provisionalAttachment: 'provisionalSeizure', injunction: 'injunction', provisionalRegistration: 'provisionalRegistration', securityProvisionalRegistration: 'provisionalRegistration', auction: 'auction' };
const EULGU: Record<string, string> = { mortgage: 'mortgage', jeonseRight: 'jeonseRight', leaseRegistration: 'leaseRegistration', leaseRight: 'leaseRegistration', servitude: 'superficies' };

function floorLevel(kind: string | null, floor: number | null): string | null {
  if (kind === 'semi_basement' || kind === 'basement' || (floor !== null && floor < 0)) return 'basement';
  if (kind === 'rooftop') return 'rooftop';
  if (floor === 1) return 'ground';
  if (floor !== null && floor >= 2) return 'upper';
  return null;
}

function registryFacts(doc: RegistryDoc): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  const entered = doc.gapgu.length + doc.eulgu.length > 0;
  const live = (list: RegistryDoc['gapgu']) => list.filter((e) => !e.cancelled && e.purpose.trim()).map((e) => ({ e, kind: classifyPurpose(e.purpose, e.cause ?? undefined) }));
  if (entered) {
    const g = [...new Set(live(doc.gapgu).map((x) => GAPGU[x.kind]).filter(Boolean))];
    const u = [...new Set(live(doc.eulgu).map((x) => EULGU[x.kind]).filter(Boolean))];
    out.gapguEntries = g.length ? g : ['none'];
    out.eulguEntries = u.length ? u : ['none'];
    const mortgages = live(doc.eulgu).filter((x) => x.kind === 'mortgage' && x.e.maxClaim !== null);
    if (mortgages.length) out.mortgageMaxTotal = mortgages.reduce((s, x) => s + (x.e.maxClaim ?? 0), 0);
  }
  if (doc.certificate.issuedAt) out.certIssuedOn = doc.certificate.issuedAt.slice(0, 10);
  if (doc.buildingRegister.checked) {
    out.buildingRegisterChecked = 'yes';
    if (doc.buildingRegister.violation !== null) out.violationFlag = doc.buildingRegister.violation ? 'yes' : 'no';
  }
  return out;
}

/** Prefilled answers by item id, each with its source; only items of `template` that accept them. */
export function prefillAnswers(template: Template, known: CaseKnowledge): Record<string, { value: AnswerValue; from: PrefillSource }> {
  const candidates: [string, AnswerValue | null | undefined, PrefillSource][] = [];
  const l = known.listing;
  const f = known.lease;
  const c = known.registry?.contract;
  const building = l.buildingType ? BUILDING[l.buildingType] : undefined;
  candidates.push(['buildingType', building, 'listing'], ['propertyType', building, 'listing'], ['floorLevel', floorLevel(l.floorKind, l.floor), 'listing']);
  // Amounts: the saved lease facts win over the listing's asking figures.
  candidates.push(['deposit', f?.deposit ?? l.deposit, f?.deposit != null ? 'lease' : 'listing']);
  candidates.push(['monthlyRent', f?.monthlyRent ?? l.monthlyRent, f?.monthlyRent != null ? 'lease' : 'listing']);
  candidates.push(['marketPrice', l.marketValue, 'listing']);
  if (f?.leaseKind) candidates.push(['contractKind', KIND[f.leaseKind], 'lease']);
  const pick = <T>(fromLease: T | null | undefined, fromRegistry: T | null | undefined): [T | null | undefined, PrefillSource] =>
    fromLease != null ? [fromLease, 'lease'] : [fromRegistry, 'registry'];
  const dated: [string, [unknown, PrefillSource]][] = [
    ['contractDate', pick(f?.contractDate, c?.contractDate)],
    ['downPayment', pick(f?.downPayment?.amount, c?.downPayment.amount)],
    ['interimPayment', pick(f?.interimPayment?.amount, c?.interimPayment.amount)],
    ['interimPaymentDate', pick(f?.interimPayment?.date, c?.interimPayment.date)],
    ['balance', pick(f?.balance?.amount, c?.balance.amount)],
    ['balanceDate', pick(f?.balance?.date ?? f?.balanceDate, c?.balance.date)],
    ['moveInDate', pick(f?.moveInDate, c?.moveInDate)],
    ['leaseEndDate', pick(f?.endDate, c?.endDate)],
  ];
  for (const [id, [v, from]] of dated) candidates.push([id, v as AnswerValue | null | undefined, from]);
  const interim = dated.find(([id]) => id === 'interimPayment')![1];
  if (interim[0] != null) candidates.push(['hasInterimPayment', 'yes', interim[1]]);
  if (known.registry) for (const [id, v] of Object.entries(registryFacts(known.registry))) candidates.push([id, v, 'registry']);

  const items = new Map(template.sections.flatMap((s) => s.items).map((i) => [i.id, i]));
  const out: Record<string, { value: AnswerValue; from: PrefillSource }> = {};
  for (const [id, value, from] of candidates) {
    const item = items.get(id);
    if (!item || value === null || value === undefined || id in out) continue;
    if (validateAnswer(item, value).ok) out[id] = { value, from };
  }
  return out;
}
