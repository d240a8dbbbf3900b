import { createContext, useContext } from "react";

// The server renders with the response's CSP nonce; in the browser it is "" (browsers hide it).
export const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
