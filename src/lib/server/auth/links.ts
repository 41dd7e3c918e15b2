/** Where the mailed links lead: the French page paths, on the public origin. */
export const links = {
  verifyEmail: (origin: string, token: string) => `${origin}/verification-email?token=${token}`,
  resetPassword: (origin: string, token: string) => `${origin}/mot-de-passe-oublie/${token}`,
  invitation: (origin: string, token: string) => `${origin}/invitation/${token}`,
};
