import type { MetaDescriptor } from "@remix-run/node";

type Match = { id: string; data: unknown };

/** "<page title> – <service name>", with the service name in the page's language. */
export function titleMeta(matches: Match[], title: string | undefined): MetaDescriptor[] {
  const root = matches.find((match) => match.id === "root")?.data as { serviceName?: string } | undefined;
  const service = root?.serviceName ?? "RASSO portal";
  return [{ title: title ? `${title} – ${service}` : service }];
}
