import { data } from "@remix-run/node";

// Any address no other route matches: a plain 404 page (the root error boundary draws it).
export function loader() {
  throw data({ message: "Not found" }, { status: 404 });
}

export function action() {
  throw data({ message: "Not found" }, { status: 404 });
}

export default function NotFound() {
  return null;
}
