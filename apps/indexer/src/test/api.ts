// Reads the indexer's API the way the web app will: GraphQL, SQL over HTTP, /portfolio.
export type Row = Record<string, unknown>;

export async function gql<T = Record<string, { items: Row[] }>>(url: string, query: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors !== undefined) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join("; ")}`);
  if (body.data === undefined) throw new Error("GraphQL: no data");
  return body.data;
}

/** All rows of a GraphQL collection (`items` of a plural query), `where` and fields as GraphQL text. */
export async function rows(url: string, collection: string, fields: string, where = ""): Promise<Row[]> {
  const args = `limit: 1000${where === "" ? "" : `, where: ${where}`}`;
  const data = await gql(url, `{ ${collection}(${args}) { items { ${fields} } } }`);
  return data[collection]?.items ?? [];
}

/** A read-only SQL query through Ponder's SQL-over-HTTP endpoint (what @ponder/client sends). */
export async function sql(url: string, text: string): Promise<Row[]> {
  // superjson's encoding of plain JSON (no meta): what @ponder/client sends.
  const q = JSON.stringify({ json: { sql: text, params: [] } });
  const response = await fetch(`${url}/sql/db?sql=${encodeURIComponent(q)}`);
  if (!response.ok) throw new Error(`SQL over HTTP: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { rows: Row[] };
  return body.rows;
}

export const big = (v: unknown): bigint => BigInt(v as string);
