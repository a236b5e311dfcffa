// The router the server uses (the CommonJS build that Remix's server runtime
// requires) flattens and ranks a route tree once, and compiles each path once
// (app/server/patches, decision 013). Matching must answer exactly as before.
import { createRequire } from "node:module";
import type * as Router from "@remix-run/router";
import { describe, expect, it } from "vitest";

const { matchPath, matchRoutes } = createRequire(import.meta.url)("@remix-run/router") as typeof Router;

type Route = Router.AgnosticRouteObject;

// The shape of the portal's table: an optional language segment on every page.
function routeTable(): Route[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "home", path: ":lang?", children: [{ id: "home-index", index: true }] },
        { id: "queries", path: ":lang?/staff/queries", children: [{ id: "queries-index", index: true }] },
        { id: "query", path: ":lang?/staff/queries/:reference" },
        { id: "stage", path: ":lang?/walkthrough/:stage" },
        { id: "respond", path: ":lang?/pre-trial-meeting/respond/:token" },
        { id: "not-found", path: "*" },
      ],
    },
  ];
}

const leaf = (routes: Route[], path: string) => {
  const matches = matchRoutes(routes, path);
  return matches && { id: matches.at(-1)!.route.id, params: matches.at(-1)!.params };
};

describe("route matching", () => {
  it("matches each page in English and Welsh, with its parameters, the same on every call", () => {
    const routes = routeTable();
    for (let call = 0; call < 3; call += 1) {
      expect(leaf(routes, "/staff/queries")).toStrictEqual({ id: "queries-index", params: {} });
      expect(leaf(routes, "/cy/staff/queries")).toStrictEqual({ id: "queries-index", params: { lang: "cy" } });
      expect(leaf(routes, "/staff/queries/Q-ABCD-1234")).toStrictEqual({ id: "query", params: { reference: "Q-ABCD-1234" } });
      expect(leaf(routes, "/cy/walkthrough/trial")).toStrictEqual({ id: "stage", params: { lang: "cy", stage: "trial" } });
      expect(leaf(routes, "/")).toStrictEqual({ id: "home-index", params: {} });
      expect(leaf(routes, "/no/such/page")).toStrictEqual({ id: "not-found", params: { "*": "no/such/page" } });
    }
  });

  it("keeps each request's parameters to itself", () => {
    const routes = routeTable();
    const first = matchRoutes(routes, "/cy/walkthrough/trial")!;
    const second = matchRoutes(routes, "/walkthrough/reporting")!;
    expect(first.at(-1)!.params).toStrictEqual({ lang: "cy", stage: "trial" });
    expect(second.at(-1)!.params).toStrictEqual({ stage: "reporting" });
    expect(first.at(-1)!.params).not.toBe(second.at(-1)!.params);
  });

  it("flattens a route table once, however often it is matched", () => {
    let reads = 0;
    const counted: Route = { id: "counted" };
    Object.defineProperty(counted, "path", {
      enumerable: true,
      get: () => {
        reads += 1;
        return "counted/:id";
      },
    });
    const routes = [counted];
    expect(leaf(routes, "/counted/1")?.id).toBe("counted");
    const afterFirst = reads;
    expect(afterFirst).toBeGreaterThan(0);
    expect(leaf(routes, "/counted/2")).toStrictEqual({ id: "counted", params: { id: "2" } });
    expect(leaf(routes, "/other")).toBeNull();
    expect(reads).toBe(afterFirst);
  });

  it("compiles a path separately for each way of matching it", () => {
    expect(matchPath({ path: "/staff", end: false }, "/staff/queries")?.pathnameBase).toBe("/staff");
    expect(matchPath({ path: "/staff", end: true }, "/staff/queries")).toBeNull();
    expect(matchPath({ path: "/Staff", caseSensitive: false, end: true }, "/staff")).not.toBeNull();
    expect(matchPath({ path: "/Staff", caseSensitive: true, end: true }, "/staff")).toBeNull();
    expect(matchPath({ path: "/Staff", caseSensitive: true, end: true }, "/Staff")).not.toBeNull();
  });
});
