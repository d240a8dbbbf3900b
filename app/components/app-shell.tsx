import { Form, Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import type { NavItem } from "~/domain/navigation";
import { ROLE_LABELS, type Role } from "~/domain/roles";

/** `unread`: how many of the user's notifications are unread (the Inbox link's badge). */
export type ShellUser = { name: string; roles: Role[]; unread?: number };

export function AppShell({ user, nav, children }: { user: ShellUser | null; nav: NavItem[]; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="shell-header">
        <div className="shell-bar">
          <a className="brand" href="/">
            Builder Ladder
          </a>
          {user ? (
            <nav aria-label="Main" className="shell-nav">
              <ul>
                {nav.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === "/"}>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {user ? (
            // Searches what the signed-in person may read (the /search page decides what that is).
            <Form method="get" action="/search" role="search" aria-label="Search" className="shell-search">
              <label htmlFor="shell-search-q" className="visually-hidden">
                Search candidates, builders and projects
              </label>
              <input id="shell-search-q" type="search" name="q" placeholder="Search" maxLength={200} enterKeyHint="search" autoComplete="off" />
            </Form>
          ) : null}
          {user ? (
            <div className="shell-account">
              <p className="shell-user">
                <span className="shell-user-name">{user.name}</span>
                <span className="shell-user-roles">{user.roles.map((r) => ROLE_LABELS[r]).join(" · ")}</span>
              </p>
              <Link to="/inbox" className="shell-account-link shell-inbox">
                Inbox
                {user.unread ? (
                  <>
                    {" "}
                    <span className="badge" aria-hidden="true">
                      {user.unread}
                    </span>
                    <span className="visually-hidden">, {user.unread === 1 ? "1 unread" : `${user.unread} unread`}</span>
                  </>
                ) : null}
              </Link>
              <Link to="/account" className="shell-account-link">
                Your account
              </Link>
              <Form method="post" action="/logout">
                <button type="submit" className="button button-quiet">
                  Sign out
                </button>
              </Form>
            </div>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
