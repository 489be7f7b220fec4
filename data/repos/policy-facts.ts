// A client's facts for policy matching (age, income and whose, assets, marriage, 세대주, 제대군인
// service): personal data, kept only while the client consents to the 'policy' item, stored as one
// encrypted JSON document. Without that consent the facts are used for the consultation and dropped.
import type { Queryable } from '../db/sqlite.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { writeAudit, type Actor } from './audit.js';
import { registerPersonalData } from '../privacy/registry.js';

// Destruction (consent withdrawn, retention over): the stored facts go entirely.
registerPersonalData({ name: 'policy.facts', table: 'client_policy_facts', key: 'client_id', rows: `SELECT id FROM clients WHERE id = $client`, remove: true });

export const POLICY_CONSENT_ITEM = 'policy';

export function hasPolicyConsent(client: { consent_given: number; consent_items: string; personal_destroyed_at: string | null }): boolean {
  if (!client.consent_given || client.personal_destroyed_at) return false;
  try {
    return (JSON.parse(client.consent_items) as string[]).includes(POLICY_CONSENT_ITEM);
  } catch {
    return false;
  }
}

export async function getPolicyFacts<T>(q: Queryable, cipher: FieldCipher, clientId: string): Promise<{ facts: T; updatedAt: string } | null> {
  const r = await q.get<{ facts_enc: string; updated_at: string }>(`SELECT facts_enc, updated_at FROM client_policy_facts WHERE client_id = ?`, [clientId]);
  if (!r) return null;
  return { facts: JSON.parse(cipher.decrypt(r.facts_enc)!) as T, updatedAt: r.updated_at };
}

export async function savePolicyFacts(q: Queryable, cipher: FieldCipher, actor: Actor, clientId: string, facts: object): Promise<void> {
  await q.run(
    `INSERT INTO client_policy_facts (client_id, facts_enc, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (client_id) DO UPDATE SET facts_enc = excluded.facts_enc, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [clientId, cipher.encrypt(JSON.stringify(facts)), actor.now, actor.managerId],
  );
  await writeAudit(q, actor, 'clients', clientId, 'update', ['policyFacts']);
}

/** Destroys the stored facts (consent withdrawn, retention over, or the manager cleared them). */
export async function destroyPolicyFacts(q: Queryable, clientId: string): Promise<boolean> {
  return (await q.run(`DELETE FROM client_policy_facts WHERE client_id = ?`, [clientId])).changes > 0;
}
