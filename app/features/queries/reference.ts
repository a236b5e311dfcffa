// Query references: short, easy to read aloud, and free of personal data.
import crypto from "node:crypto";

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // no 0/O, 1/I/L

export function newQueryReference(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]);
  return `Q-${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

export function isQueryReference(value: unknown): value is string {
  return typeof value === "string" && /^Q-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/.test(value);
}
