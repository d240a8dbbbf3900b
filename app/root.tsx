// Must stay the first import: configures zod before any route builds a schema (see the module).
import "./utils/zod-config";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { AppShell } from "./components/app-shell";
import { useNonce } from "./components/nonce";
import { navigationFor } from "./domain/navigation";
import { ROLE_LABELS } from "./domain/roles";
import stylesheet from "./styles/app.css?url";
import { getUser } from "./utils/auth.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Builder Ladder" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return {
    user: user ? { name: user.name, roles: user.roles, unread: user.unreadNotifications } : null,
    nav: user ? navigationFor(user.roles) : [],
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <AppShell user={data?.user ?? null} nav={data?.nav ?? []}>
          {children}
        </AppShell>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  if (isRouteErrorResponse(error) && error.status === 403) {
    const roles = data?.user?.roles.map((r) => ROLE_LABELS[r]).join(", ");
    const body = (error.data ?? {}) as { message?: string; permission?: string };
    return (
      <section className="page error-page" aria-labelledby="error-title">
        <p className="error-code">403</p>
        <h1 id="error-title">You don’t have access to this page</h1>
        {body.permission || !body.message ? (
          <p>
            {roles ? `You are signed in with the roles: ${roles}. ` : null}
            This page needs a role you don’t hold. If you need it, ask an admin.
          </p>
        ) : (
          // A rule about this record rather than a missing role (e.g. scorecard independence).
          <p>{body.message}</p>
        )}
        <p>
          <a href="/">Go to your home page</a>
        </p>
      </section>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <section className="page error-page" aria-labelledby="error-title">
        <p className="error-code">404</p>
        <h1 id="error-title">Page not found</h1>
        <p>
          <a href="/">Go to your home page</a>
        </p>
      </section>
    );
  }
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <section className="page error-page" aria-labelledby="error-title">
      <p className="error-code">{isRouteErrorResponse(error) ? error.status : 500}</p>
      <h1 id="error-title">Something went wrong</h1>
      <p>The error has been logged. Try again, or go to your home page.</p>
      <p>
        <a href="/">Go to your home page</a>
      </p>
    </section>
  );
}
