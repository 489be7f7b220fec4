// API methods of the policy module (정책 안내): the programme catalogue in use, matching for a
// consultation (facts used once, not stored) or for a client (facts kept only under the client's
// own consent item, encrypted).
import { z } from 'zod';
import { policyFactsSchema } from '../../checklists/policy/facts.js';
import type { MatchStatus, FactKey } from '../../checklists/policy/match.js';
import type { Bilingual } from './errors.js';
import { date, id } from './schemas.js';

export const policyInputs = {
  'policy.catalogue': z.object({ asOf: date.optional() }).default({}),
  /** Facts for this consultation only: matched and forgotten. */
  'policy.match': z.object({ facts: policyFactsSchema, asOf: date.optional() }),
  /** The client's stored facts (with consent) plus the case's listing (deposit, rent, address). */
  /** `facts` (this consultation's, not stored) go over the stored ones. */
  'policy.forClient': z.object({ clientId: id, caseId: id.optional(), facts: policyFactsSchema.optional(), asOf: date.optional() }),
  'policy.facts.get': z.object({ clientId: id }),
  'policy.facts.save': z.object({ clientId: id, facts: policyFactsSchema }),
  'policy.facts.clear': z.object({ clientId: id }),
};

export interface ProgrammeView {
  id: string;
  name: Bilingual;
  operator: Bilingual;
  target: Bilingual;
  benefit: Bilingual;
  apply: Bilingual;
  where: Bilingual;
  contact: string;
  source: string[];
  validFrom: string;
  validTo: string | null;
  windows: 'always' | { from: string; to: string; unverified?: boolean }[];
  note?: string;
}

export interface CatalogueView {
  effectiveFrom: string;
  checkedOn: string;
  title: Bilingual;
  source: string[];
  programmes: ProgrammeView[];
  medianIncome: { effectiveFrom: string; notice: string; monthlyByHouseholdSize: number[] } | null;
}

export interface MatchView {
  asOf: string;
  catalogue: { effectiveFrom: string; checkedOn: string };
  medianIncome: { effectiveFrom: string; notice: string } | null;
  matches: {
    id: string;
    name: Bilingual;
    status: MatchStatus;
    reasons: Bilingual[];
    missing: FactKey[];
    nextWindow: { from: string; to: string; expected: boolean } | null;
    unverified: boolean;
    programme: ProgrammeView;
  }[];
  /** Which facts came from where, for the screen's note. */
  factsFrom?: { stored: boolean; listing: string | null };
}

export type PolicyFactsView = z.infer<typeof policyFactsSchema>;

export interface PolicyResults {
  'policy.catalogue': CatalogueView;
  'policy.match': MatchView;
  'policy.forClient': MatchView;
  'policy.facts.get': { consented: boolean; facts: PolicyFactsView | null; updatedAt: string | null };
  'policy.facts.save': { savedAt: string };
  'policy.facts.clear': { cleared: boolean };
}
