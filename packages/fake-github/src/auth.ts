// Who a request acts as. Installation tokens the fake issued and tokens registered on the store are always known;
// other tokens pass only while `acceptAnyToken` is on (the CLI and demo rely on that), and `rejectTokens` always
// fails, so tests can provoke GitHub's 401 either way.
import { HttpError, type FakeRequest } from "./http.js";
import type { FakeStore } from "./store.js";
import type { Account } from "./types.js";

export interface AuthPolicy {
  /** Accept tokens the store does not know, acting as `anyTokenActsAs` (default: the app's bot). Default true. */
  acceptAnyToken: boolean;
  rejectTokens: string[];
  anyTokenActsAs?: Account;
}

/** Endpoints GitHub only answers for the app's JWT (Probot calls them to find and authenticate installations). */
const APP_ENDPOINT =
  /^\/(?:app(?:\/.*)?|repos\/[^/]+\/[^/]+\/installation|orgs\/[^/]+\/installation|users\/[^/]+\/installation)\/?$/;

/** The app itself, when it calls /app endpoints with its JWT. */
const APP_JWT_IDENTITY: Account = { login: "devreport", type: "Bot" };

export function authenticate(store: FakeStore, req: FakeRequest, policy: AuthPolicy): Account {
  const header = req.headers.authorization;
  if (!header) throw new HttpError(401, "Requires authentication");
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
  const token = match?.[1];
  if (token === undefined || policy.rejectTokens.includes(token)) throw new HttpError(401, "Bad credentials");
  if (APP_ENDPOINT.test(req.path)) {
    if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(token)) throw new HttpError(401, "A JSON web token could not be decoded");
    return APP_JWT_IDENTITY;
  }
  const known = store.tokens.get(token);
  if (known) return known;
  if (policy.acceptAnyToken) return policy.anyTokenActsAs ?? store.app;
  throw new HttpError(401, "Bad credentials");
}
