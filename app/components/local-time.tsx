import { useEffect, useState } from "react";

const serverFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short",
});

/**
 * A moment shown in the reader's own time zone. The server renders it in UTC; after hydration
 * the browser shows local time (rendering local time on the server would not match).
 */
export function LocalTime({ value, withSeconds = false }: { value: Date | string; withSeconds?: boolean }) {
  const date = new Date(value);
  const [text, setText] = useState(() => serverFormat.format(date));
  useEffect(() => {
    setText(
      new Intl.DateTimeFormat(undefined, {
        weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit",
        ...(withSeconds ? { second: "2-digit" } : {}),
        timeZoneName: "short",
      }).format(date),
    );
  }, [date.getTime(), withSeconds]);
  return <time dateTime={date.toISOString()}>{text}</time>;
}
