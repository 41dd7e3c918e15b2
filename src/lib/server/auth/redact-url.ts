/**
 * Mailed links carry single-use tokens in their path or query; logs must not keep them (a log reader could
 * replay a fresh one). The token format is base32 lower case, at least 20 characters.
 */
const TOKEN_IN_PATH = /(\/(?:invitation|invitations|mot-de-passe-oublie)\/)[a-z2-7]{20,}/g;
const TOKEN_IN_QUERY = /([?&]token=)[^&#]+/g;

export function redactTokens(url: string): string {
  return url.replace(TOKEN_IN_PATH, '$1[redacted]').replace(TOKEN_IN_QUERY, '$1[redacted]');
}
