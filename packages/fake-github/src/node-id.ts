// Global node ids, opaque like GitHub's ("PR_kwDO..."): a type prefix plus base64url of what finds the record.

export type NodeKind = "PR" | "I" | "R" | "U" | "BOT" | "IC";

export const nodeId = (kind: NodeKind, key: string): string => `${kind}_${Buffer.from(key).toString("base64url")}`;

export function parseNodeId(id: string): { kind: NodeKind; key: string } | undefined {
  const match = /^(PR|I|R|U|BOT|IC)_([A-Za-z0-9_-]+)$/.exec(id);
  return match ? { kind: match[1] as NodeKind, key: Buffer.from(match[2]!, "base64url").toString("utf8") } : undefined;
}
