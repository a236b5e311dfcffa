// The per-request CSP nonce, made by the server for each response and handed to
// every inline script or style React renders. In the browser it is "" (browsers
// hide nonce attributes from script), which React accepts during hydration.
import { createContext, useContext } from "react";

const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
