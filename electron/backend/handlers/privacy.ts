// Handlers of the privacy module's API (electron/api/privacy-methods.ts): form drafts.
import type { PrivacyResults } from '../../api/privacy-methods.js';
import { discardDraft, getDraft, saveDraft } from '../../../data/repos/drafts.js';
import { getClient } from '../../../data/repos/clients.js';
import type { HandlerMap } from '../context.js';

export const privacyHandlers: Pick<HandlerMap, keyof PrivacyResults> = {
  'drafts.get': async ({ formKey }, ctx) => getDraft(ctx.db, ctx.cipher, ctx.session.managerId!, formKey, ctx.now().toISOString()),
  'drafts.save': async ({ formKey, clientId, data }, ctx) => {
    // A draft about a client is written under their key (and destroyed with them).
    const client = clientId ? await getClient(ctx.db, clientId) : undefined;
    const cipher = client && !client.personal_destroyed_at ? ctx.keys.cipherFor(client.id) : ctx.cipher;
    const now = ctx.now().toISOString();
    await saveDraft(ctx.db, cipher, { managerId: ctx.session.managerId!, formKey, clientId: client?.id ?? null, data, now });
    return { savedAt: now };
  },
  'drafts.discard': async ({ formKey }, ctx) => ({ discarded: await discardDraft(ctx.db, ctx.session.managerId!, formKey) }),
};
