// Safe contact first: every message about a meeting obeys what the victim said
// about how they may be contacted. Pure, so it can be proved for every case.
export type SafeContact = {
  safeEmail: boolean;
  safePhone: boolean;
  safeVoicemail: boolean;
  safeText: boolean;
  onlyViaIsva: boolean;
};

export type ContactPlan = {
  /** E-mail the victim directly (only to a safe address). */
  emailVictim: boolean;
  /** What the VLO is asked to do instead, if the victim is not e-mailed. */
  prompt: "phone" | "isva" | null;
};

export function contactPlan(safe: SafeContact): ContactPlan {
  if (safe.onlyViaIsva) return { emailVictim: false, prompt: "isva" };
  if (safe.safeEmail) return { emailVictim: true, prompt: null };
  return { emailVictim: false, prompt: safe.safePhone || safe.safeVoicemail || safe.safeText ? "phone" : "isva" };
}
