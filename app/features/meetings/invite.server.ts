// Calendar invites (.ics) for pre-trial meetings. The file says no more than a
// shared or glanced-at calendar may safely show: a neutral title, no names of
// defendants, offences or references, and the event is marked private. Times
// are written as Europe/London local times with their VTIMEZONE, so calendars
// in any zone put the meeting at the right hour on both sides of a clock change.
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventClass, ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import { uiStrings } from "~/features/i18n/resources.server.ts";
import { assertPlainAddress } from "~/features/mail/outbox.server.ts";

export type InviteMethod = "REQUEST" | "CANCEL";

export type InviteInput = {
  /** The meeting's id: with the origin's host it makes the UID, the same for every version of the invite. */
  meetingId: string;
  /** The portal's public origin, such as "https://portal.example"; its host names the UID's domain. */
  origin: string;
  /** Raised by the caller on every change, so calendars replace the older version. */
  sequence: number;
  method: InviteMethod;
  startsAt: Date;
  endsAt: Date;
  /** The victim's language, for the title and description. */
  lang: "en" | "cy";
  mode: "IN_PERSON" | "VIDEO";
  /** The room or address of a meeting in person; a video meeting has none. */
  location?: string;
  /** The Area's mailbox. */
  organiser: { name: string; email: string };
  /** Only addresses the caller has decided are safe to write to. */
  attendees: { name?: string; email: string }[];
  /** When this version was made (DTSTAMP); now if not given. */
  stamp?: Date;
};

export type Invite = { filename: string; contentType: string; content: string };

/** Input that would make a wrong or malformed invite. */
export class InviteInputError extends Error {
  override name = "InviteInputError";
}

const ZONE = "Europe/London";
const MEETING_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
// iCalendar lines end in CRLF, and some readers also break at other line
// separators, so no text may carry one into the file.
const LINE_BREAK_OR_CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/u;
const LONE_SURROGATE = /\p{Cs}/u;

const LONDON_VTIMEZONE = getVtimezoneComponent(ZONE);
if (!LONDON_VTIMEZONE) throw new Error(`No VTIMEZONE is available for ${ZONE}.`);

/**
 * The iCalendar file for one version of a meeting: METHOD:REQUEST for a booking
 * or a change, METHOD:CANCEL (same UID, higher SEQUENCE) for a cancellation.
 * Throws an InviteInputError when the input could not make a correct invite.
 */
export function buildInvite(input: InviteInput): Invite {
  const host = originHost(input.origin);
  checkInput(input);
  const cancelled = input.method === "CANCEL";
  const strings = uiStrings(input.lang).meetings.invite;
  const description = cancelled
    ? strings.description.cancelled
    : input.mode === "IN_PERSON"
      ? strings.description.inPerson
      : strings.description.video;
  const location = input.mode === "IN_PERSON" ? input.location?.trim() || null : null;

  const calendar = ical({
    prodId: { company: host, product: "RASSO portal", language: "EN" },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // No calendar-wide zone: DTSTAMP stays in UTC, as it must; the generator
    // adds the VTIMEZONE that the event's TZID refers to.
    timezone: { name: null, generator: (zone) => (zone === ZONE ? LONDON_VTIMEZONE : null) },
  });
  calendar.createEvent({
    id: `${input.meetingId}@${host}`,
    sequence: input.sequence,
    stamp: input.stamp ?? new Date(),
    // Zoned values, so the local time does not depend on the server's own zone.
    start: DateTime.fromJSDate(input.startsAt, { zone: ZONE }),
    end: DateTime.fromJSDate(input.endsAt, { zone: ZONE }),
    timezone: ZONE,
    summary: strings.summary,
    description,
    location,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    class: ICalEventClass.PRIVATE,
    organizer: { name: input.organiser.name, email: input.organiser.email },
    // The portal reads no replies; changes go through the Victim Liaison Officer.
    attendees: input.attendees.map((attendee) => ({
      name: attendee.name,
      email: attendee.email,
      role: ICalAttendeeRole.REQ,
      rsvp: false,
    })),
  });

  // RFC 5545 ends every content line with CRLF, the last one included.
  const content = calendar.toString().replace(/(?:\r\n)?$/, "\r\n");
  return {
    filename: cancelled ? "cancellation.ics" : "invite.ics",
    contentType: `text/calendar; charset=utf-8; method=${input.method}`,
    content,
  };
}

function originHost(origin: string) {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new InviteInputError("The origin must be an http or https address.");
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname) {
    throw new InviteInputError("The origin must be an http or https address.");
  }
  return url.hostname;
}

function checkInput(input: InviteInput) {
  if (input.method !== "REQUEST" && input.method !== "CANCEL") throw new InviteInputError("The method must be REQUEST or CANCEL.");
  if (input.lang !== "en" && input.lang !== "cy") throw new InviteInputError("The language must be en or cy.");
  if (input.mode !== "IN_PERSON" && input.mode !== "VIDEO") throw new InviteInputError("The mode must be IN_PERSON or VIDEO.");
  if (!MEETING_ID.test(input.meetingId)) {
    throw new InviteInputError("The meeting id must be letters, digits, dots, dashes or underscores.");
  }
  if (!Number.isSafeInteger(input.sequence) || input.sequence < 0) {
    throw new InviteInputError("The sequence must be a whole number, 0 or more.");
  }
  if (!isValidDate(input.startsAt) || !isValidDate(input.endsAt)) throw new InviteInputError("The start and end must be real times.");
  if (!(input.endsAt > input.startsAt)) throw new InviteInputError("The meeting must end after it starts.");
  if (input.stamp !== undefined && !isValidDate(input.stamp)) throw new InviteInputError("The stamp must be a real time.");

  if (input.location !== undefined) {
    if (input.mode === "VIDEO") throw new InviteInputError("A video meeting has no location.");
    checkText(input.location, "The location");
  }
  checkName(input.organiser.name, "The organiser's name");
  if (!input.organiser.name.trim()) throw new InviteInputError("The organiser's name is empty.");
  checkAddress(input.organiser.email, "The organiser's e-mail address");
  if (input.attendees.length === 0) throw new InviteInputError("An invite needs at least one attendee.");
  for (const attendee of input.attendees) {
    if (attendee.name !== undefined) checkName(attendee.name, "An attendee's name");
    checkAddress(attendee.email, "An attendee's e-mail address");
  }
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

function checkText(value: string, what: string) {
  if (LINE_BREAK_OR_CONTROL.test(value)) throw new InviteInputError(`${what} must be one line, without control characters.`);
  if (LONE_SURROGATE.test(value)) throw new InviteInputError(`${what} is not well-formed text.`);
}

// Names go into a quoted parameter (CN="..."), where iCalendar has no way to
// write a double quote and a backslash would be read back doubled.
function checkName(value: string, what: string) {
  checkText(value, what);
  if (/["\\]/.test(value)) throw new InviteInputError(`${what} must not contain a double quote or a backslash.`);
}

function checkAddress(address: string, what: string) {
  try {
    assertPlainAddress(address);
  } catch (error) {
    throw new InviteInputError(`${what} must be one plain e-mail address.`, { cause: error });
  }
}
