// The OIDC login in progress (PKCE verifier, state, nonce), kept in a signed cookie between the redirect
// to the provider and its answer. Apart from oidc.ts so that reading it does not load openid-client.
import { z } from 'zod';

export const pendingLoginSchema = z.object({ verifier: z.string().min(43).max(128), state: z.string().min(16), nonce: z.string().min(16) }).strict();
export type PendingLogin = z.infer<typeof pendingLoginSchema>;
