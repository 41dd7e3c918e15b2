import type { Role } from '$lib/server/auth/actor';

/**
 * Where each role starts after signing in (when no page asked to come back to): what they come to do, not
 * their settings. A foreign authority follows its requests, a correspondent their queue, a French authority
 * the requests suggested for it, the ministry its dashboard.
 */
export const ROLE_HOME: Record<Role, string> = {
  foreign_authority: '/mes-demandes',
  correspondent: '/moderation',
  french_authority: '/suggestions',
  admin: '/admin',
};
