/**
 * Reading what the app emailed during the run: the messages the run's SMTP server wrote
 * (e2e/mail-sink.ts), parsed with mailparser, and their calendar attachment with ical.js, the way
 * a mail client and a calendar would read them.
 */
import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import ICAL from "ical.js";
import { simpleParser, type ParsedMail } from "mailparser";
import { MAIL_DIR } from "./ports";

export type ReceivedMail = { file: string; mail: ParsedMail; to: string[]; ics: string | null };

async function readAll(): Promise<ReceivedMail[]> {
  if (!fs.existsSync(MAIL_DIR)) return [];
  const files = fs.readdirSync(MAIL_DIR).filter((f) => f.endsWith(".eml")).sort();
  return Promise.all(
    files.map(async (file) => {
      const mail = await simpleParser(fs.readFileSync(path.join(MAIL_DIR, file)));
      const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase()));
      const calendar = mail.attachments.find((a) => a.contentType.startsWith("text/calendar") || a.filename?.endsWith(".ics"));
      return { file, mail, to, ics: calendar ? calendar.content.toString("utf8") : null };
    }),
  );
}

/** Waits (delivery runs every second) for the first email to `to` that `matches`, and returns it. */
export async function waitForMail(to: string, matches: (m: ReceivedMail) => boolean, timeout = 20_000): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(async () => {
      found = (await readAll()).find((m) => m.to.includes(to.toLowerCase()) && matches(m));
      return Boolean(found);
    }, { timeout, message: `an email to ${to}` })
    .toBe(true);
  return found!;
}

/** The one VEVENT of an invitation, as a calendar reads it. */
export function calendarEvent(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent("vevent")!;
  return {
    method: String(calendar.getFirstPropertyValue("method")),
    uid: String(event.getFirstPropertyValue("uid")),
    sequence: Number(event.getFirstPropertyValue("sequence") ?? 0),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate(),
    end: (event.getFirstPropertyValue("dtend") as ICAL.Time).toJSDate(),
    status: event.getFirstPropertyValue("status") ? String(event.getFirstPropertyValue("status")) : null,
  };
}

/** The first link into the app that an email's text carries. */
export function linkIn(mail: ReceivedMail): URL {
  const match = /https?:\/\/\S+/.exec(mail.mail.text ?? "");
  if (!match) throw new Error(`No link in "${mail.mail.subject}"`);
  return new URL(match[0]);
}
