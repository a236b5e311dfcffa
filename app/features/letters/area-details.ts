// Which of its letter details an Area has set: letters print the address and
// the phone number under the Area's name, each only once an administrator
// sets it. Pure: the admin table and the letter-making page share it.
export type LetterDetailsSet = "addressAndPhone" | "addressOnly" | "phoneOnly" | "none";

export function letterDetailsSet(area: { letterAddressEn: string; letterPhone: string } | null): LetterDetailsSet {
  const address = Boolean(area?.letterAddressEn);
  const phone = Boolean(area?.letterPhone);
  if (address) return phone ? "addressAndPhone" : "addressOnly";
  return phone ? "phoneOnly" : "none";
}

/** What the letter-making page says when a detail is missing. */
export const DETAILS_MISSING = {
  none: "letters.noAreaDetails",
  phoneOnly: "letters.noAreaAddress",
  addressOnly: "letters.noAreaPhone",
} as const;
