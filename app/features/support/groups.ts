// Who a support service is for, in the order the public page lists them. Pure.
export const SUPPORT_GROUPS = ["everyone", "men-and-boys", "lgbt", "deaf", "disabled", "welsh", "children"] as const;
export type SupportGroup = (typeof SUPPORT_GROUPS)[number];

export function isSupportGroup(value: unknown): value is SupportGroup {
  return typeof value === "string" && (SUPPORT_GROUPS as readonly string[]).includes(value);
}
