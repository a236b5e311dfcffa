// The signed-in workspace's extra stylesheet (MOJ Frontend's components, decision 011):
// linked by the pages that use them, so public pages never load it.
import type { LinksFunction } from "@remix-run/node";
import mojStylesHref from "~/styles/generated/moj.css";

export const workspaceLinks: LinksFunction = () => [{ rel: "stylesheet", href: mojStylesHref }];
