// The Actor nodes (User, Bot) the fake's GraphQL answers carry.
import { nodeId } from "./node-id.js";
import type { Account } from "./types.js";

const WEB = "https://github.com";

/** GraphQL drops the "[bot]" suffix from Bot logins (REST keeps it): `renovate`, typename Bot, url /apps/renovate. */
export function actorNode(account: Account | null): object | null {
  if (!account) return null;
  if (account.type === "Bot") {
    const login = account.login.replace(/\[bot\]$/, "");
    return {
      __typename: "Bot",
      id: nodeId("BOT", login),
      login,
      url: `${WEB}/apps/${login}`,
      resourcePath: `/apps/${login}`,
      avatarUrl: `https://avatars.githubusercontent.com/in/${login}`,
    };
  }
  return {
    __typename: "User",
    id: nodeId("U", account.login),
    login: account.login,
    url: `${WEB}/${account.login}`,
    resourcePath: `/${account.login}`,
    avatarUrl: `https://avatars.githubusercontent.com/${account.login}`,
    name: null,
  };
}
