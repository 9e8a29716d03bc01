// The app end to end under every reading of GitHub's issue search the fake knows (src/collect/grammar.ts): the
// committed sample's two repositories (acme/tinyos, acme/vsock) make every search a multi-repository one, and the
// report the app commits is the same text whichever reading the fake uses.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { DEFAULT_SEARCH_GRAMMAR, SEARCH_GRAMMARS, startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { APP_DATASETS, reportBranch, reportPath } from "../support/app-datasets.js";
import {
  appReplies,
  comment,
  deliver,
  devreportApp,
  fileAt,
  reportPulls,
  startAppServer,
} from "../support/app-server.js";
import { cliDraft } from "../support/cli.js";
import { apiClient } from "../support/github.js";
import { loopbackOnly } from "../support/net.js";

loopbackOnly();

const sample = APP_DATASETS[0]!;
const { repo, writer } = sample;
const week = sample.weeks.draft;

let expected: string;

beforeAll(async () => {
  const fake = await startFakeGitHub({ data: sample.data });
  try {
    expected = await cliDraft(fake, repo, week);
  } finally {
    await fake.close();
  }
});

describe.each(SEARCH_GRAMMARS.filter((grammar) => grammar !== DEFAULT_SEARCH_GRAMMAR))(
  "/draft-report when GitHub's search reads several repositories the %s way",
  (searchGrammar) => {
    let fake: FakeGitHub;

    beforeAll(async () => {
      fake = await startFakeGitHub({ data: sample.data, searchGrammar });
      fake.store.setPermission(repo, writer, "write");
    });

    afterAll(async () => {
      await fake?.close();
    });

    test(`opens one PR whose report is the text drafted under the default reading`, async () => {
      expect(expected).toMatch(sample.heading);
      const server = await startAppServer(fake, await devreportApp());
      try {
        const { issue, payload } = comment(fake, repo, `/draft-report ${week}`, writer);
        expect((await deliver(server, "issue_comment", payload)).status).toBe(200);
        const client = apiClient(fake);
        const pulls = await reportPulls(client, repo, reportBranch(week));
        expect(pulls).toHaveLength(1);
        expect(await fileAt(client, repo, reportPath(week), reportBranch(week))).toBe(expected);
        expect(appReplies(fake, repo, issue)).toEqual([`Drafted ${reportPath(week)} in #${pulls[0]!.number}`]);
      } finally {
        await server.stop();
      }
    });
  },
);
