// The police Unique Reference Number (URN): the one reference police, CPS and
// courts share. Two-digit force code, two-character unit code, a 5- or 7-digit
// sequence and a two-digit year, typed in many ways ("45/CD/03034/21",
// "45CD0303421", " 45 cd 0303421 "); stored as "45/CD/03034/21".
// Pure: the force code is not checked against the forces here (see route.ts).

export type Urn = { forceCode: string; unit: string; sequence: string; year: string };

export type UrnProblem = "empty" | "tooLong" | "format";

export type UrnParseResult = { ok: true; urn: Urn; normalised: string } | { ok: false; reason: UrnProblem };

/** Longer input is refused before any parsing, so a pasted essay costs nothing. */
export const URN_MAX_LENGTH = 40;

// Separators may sit between the four parts, never inside one: spaces (any
// kind), slashes, and hyphens or the dashes word processors turn them into.
const SEP = "[\\s/\\-\\u2010-\\u2015\\u2212]*";

// ASCII only, on purpose: [0-9] rather than \d, and no toUpperCase before
// matching, which would turn "ſ" into "S" or "ı" into "I".
const URN_PATTERN = new RegExp(
  `^([0-9]{2})${SEP}([A-Za-z0-9]{2})${SEP}([0-9]{5}|[0-9]{7})${SEP}([0-9]{2})$`,
);

export function parseUrn(input: string): UrnParseResult {
  if (typeof input !== "string") return { ok: false, reason: "format" };
  if (input.length > URN_MAX_LENGTH) return { ok: false, reason: "tooLong" };
  const text = input.trim();
  if (text === "") return { ok: false, reason: "empty" };
  const match = URN_PATTERN.exec(text);
  if (!match) return { ok: false, reason: "format" };
  const [, forceCode = "", unit = "", sequence = "", year = ""] = match;
  const urn: Urn = { forceCode, unit: unit.toUpperCase(), sequence, year };
  return { ok: true, urn, normalised: formatUrn(urn) };
}

/** The stored form: FF/UU/SEQUENCE/YY, upper case, the sequence as long as it was given. */
export function formatUrn(urn: Urn): string {
  return `${urn.forceCode}/${urn.unit.toUpperCase()}/${urn.sequence}/${urn.year}`;
}
