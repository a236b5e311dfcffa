// Content codings a client accepts (RFC 9110, 12.5.3): "gzip;q=0" refuses gzip.

/** Whether an Accept-Encoding header accepts `coding`, by name or by "*". */
export function acceptsEncoding(header: string | string[] | undefined, coding: "gzip" | "br"): boolean {
  let named: number | undefined;
  let any: number | undefined;
  for (const part of String(header ?? "").split(",")) {
    const [name, ...params] = part.split(";").map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name === coding) named = Number.isNaN(weight) ? 0 : weight;
    else if (name === "*") any = Number.isNaN(weight) ? 0 : weight;
  }
  return (named ?? any ?? 0) > 0;
}
