// What the HTTP server hands every loader and action besides the request.
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address: the socket's, or the one our outermost proxy saw (X-Forwarded-For) when TRUST_PROXY counts proxies. */
    clientAddress: string;
    /** Per-response nonce that the content security policy allows scripts to carry. */
    cspNonce: string;
  }
}

export {};
