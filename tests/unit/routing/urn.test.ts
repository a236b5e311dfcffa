import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatUrn, parseUrn, URN_MAX_LENGTH, type UrnProblem } from "~/features/routing/urn.ts";

const NORMALISED = /^[0-9]{2}\/[A-Z0-9]{2}\/([0-9]{5}|[0-9]{7})\/[0-9]{2}$/;

describe("parseUrn", () => {
  it.each([
    ["45/CD/03034/21", "45/CD/03034/21", { forceCode: "45", unit: "CD", sequence: "03034", year: "21" }],
    ["45CD0303421", "45/CD/03034/21", { forceCode: "45", unit: "CD", sequence: "03034", year: "21" }],
    [" 45 cd 0303421 ", "45/CD/03034/21", { forceCode: "45", unit: "CD", sequence: "03034", year: "21" }],
    ["01/yh/1234567/24", "01/YH/1234567/24", { forceCode: "01", unit: "YH", sequence: "1234567", year: "24" }],
    ["01YH123456724", "01/YH/1234567/24", null],
    ["45-cd-03034-21", "45/CD/03034/21", null],
    ["45 / CD / 03034 / 21", "45/CD/03034/21", null],
    ["45/CD 03034-21", "45/CD/03034/21", null],
    ["45–CD–03034–21", "45/CD/03034/21", null],
    ["\t45/cD/03034/21\n", "45/CD/03034/21", null],
    ["93/1A/00001/99", "93/1A/00001/99", { forceCode: "93", unit: "1A", sequence: "00001", year: "99" }],
    ["0212000000000", "02/12/0000000/00", null],
  ])("reads %j as %s", (input, normalised, parts) => {
    const result = parseUrn(input);
    expect(result.ok, input).toBe(true);
    if (!result.ok) return;
    expect(result.normalised).toBe(normalised);
    if (parts) expect(result.urn).toEqual(parts);
  });

  it("keeps the sequence as long as it was given", () => {
    const short = parseUrn("45CD0303421");
    const long = parseUrn("45CD030342121");
    expect(short.ok && short.urn.sequence).toBe("03034");
    expect(long.ok && long.urn.sequence).toBe("0303421");
    expect(long.ok && long.normalised).toBe("45/CD/0303421/21");
  });

  const malformed: [string, string, UrnProblem][] = [
    ["empty", "", "empty"],
    ["only spaces", "   ", "empty"],
    ["41 characters", `45/CD/03034/21${" ".repeat(URN_MAX_LENGTH + 1 - 14)}`, "tooLong"],
    ["far too long", "45".repeat(1000), "tooLong"],
    ["too short", "45CD034", "format"],
    ["no year", "45/CD/03034", "format"],
    ["letters in the sequence", "45/CD/03O34/21", "format"],
    ["a 6-digit sequence", "45/CD/030341/21", "format"],
    ["an 8-digit sequence", "45/CD/03034123/21", "format"],
    ["a 4-digit sequence", "45/CD/0303/21", "format"],
    ["a 3-digit year", "45/CD/03034/213", "format"],
    ["a 1-digit force code", "4/CD/03034/21", "format"],
    ["a 3-character unit code", "45/CDE/03034/21", "format"],
    ["letters in the force code", "4X/CD/03034/21", "format"],
    ["full-width digits", "４５/CD/03034/21", "format"],
    ["Arabic-Indic digits", "٤٥/CD/٠٣٠٣٤/٢١", "format"],
    ["a non-ASCII letter that upper-cases to S", "45/ſD/03034/21", "format"],
    ["a separator inside a part", "4/5/CD/03034/21", "format"],
    ["other punctuation", "45.CD.03034.21", "format"],
    ["a trailing character", "45/CD/03034/21X", "format"],
    ["only separators", "///", "format"],
    ["markup", "<b>45/CD/03034/21</b>", "format"],
  ];

  it.each(malformed)("refuses %s", (_, input, reason) => {
    expect(parseUrn(input)).toEqual({ ok: false, reason });
  });

  it("takes exactly 40 characters, padding included", () => {
    const input = `45/CD/03034/21`.padEnd(URN_MAX_LENGTH, " ");
    expect(input).toHaveLength(40);
    expect(parseUrn(input)).toMatchObject({ ok: true, normalised: "45/CD/03034/21" });
  });

  it("never throws, whatever the string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (input) => {
        const result = parseUrn(input);
        if (result.ok) expect(result.normalised).toMatch(NORMALISED);
        else expect(["empty", "tooLong", "format"]).toContain(result.reason);
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws for strings made of URN characters and separators", () => {
    const urnCharacter = fc.constantFrom(..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz /-–\t");
    fc.assert(
      fc.property(fc.string({ unit: urnCharacter, maxLength: 45 }), (input) => {
        const result = parseUrn(input);
        if (result.ok) {
          expect(result.normalised).toMatch(NORMALISED);
          expect(parseUrn(result.normalised)).toEqual(result);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("reads any well-formed URN however it is typed, and its normalised form round-trips", () => {
    const digits = (length: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: length, maxLength: length });
    const separator = fc.string({ unit: fc.constantFrom(" ", "/", "-", "–", "\t"), maxLength: 3 });
    const unit = fc.string({ unit: fc.constantFrom(..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"), minLength: 2, maxLength: 2 });
    fc.assert(
      fc.property(
        digits(2),
        unit,
        fc.oneof(digits(5), digits(7)),
        digits(2),
        fc.tuple(separator, separator, separator),
        fc.boolean(),
        (forceCode, unitCode, sequence, year, [a, b, c], padded) => {
          const typed = `${forceCode}${a}${unitCode}${b}${sequence}${c}${year}`;
          fc.pre(typed.length <= URN_MAX_LENGTH - 2);
          const result = parseUrn(padded ? ` ${typed} ` : typed);
          expect(result.ok, typed).toBe(true);
          if (!result.ok) return;
          const expected = `${forceCode}/${unitCode.toUpperCase()}/${sequence}/${year}`;
          expect(result.normalised).toBe(expected);
          expect(result.urn).toEqual({ forceCode, unit: unitCode.toUpperCase(), sequence, year });
          expect(parseUrn(result.normalised)).toEqual(result);
          expect(formatUrn(result.urn)).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("formatUrn", () => {
  it("writes the stored form in upper case", () => {
    expect(formatUrn({ forceCode: "45", unit: "cd", sequence: "03034", year: "21" })).toBe("45/CD/03034/21");
    expect(formatUrn({ forceCode: "01", unit: "YH", sequence: "1234567", year: "24" })).toBe("01/YH/1234567/24");
  });
});
