// `npm run fake-github -- --data DIR [--data DIR2] [--port N] [--latency MS] [--search-grammar advanced|legacy] [--verbose]`: serve datasets until killed.
import { Command, InvalidArgumentError, Option } from "commander";
import { DEFAULT_SEARCH_GRAMMAR, SEARCH_GRAMMARS, type SearchGrammar } from "./search.js";
import { startFakeGitHub } from "./server.js";

const integer = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a non-negative integer");
  return n;
};

const program = new Command("fake-github")
  .description("A fake GitHub (GraphQL + REST) on 127.0.0.1, loaded from dataset directories; accepts any token.")
  .option(
    "--data <dir>",
    "dataset directory (repeatable; later ones overlay earlier ones)",
    (dir: string, dirs: string[]) => [...dirs, dir],
    [] as string[],
  )
  .option("--port <n>", "port to listen on (default: a free one)", integer)
  .option("--latency <ms>", "fixed delay before every response", integer)
  .addOption(
    new Option(
      "--search-grammar <grammar>",
      "how issue search reads its strings: github.com's advanced grammar read strictly (spaces AND), " +
        "as GitHub's documentation describes it (spaces OR repo:/org:/user:, none inside parentheses), " +
        "as users observed it (only repo:a OR repo:b joins them), " +
        "or the legacy one that OR-s several repo: qualifiers",
    )
      .choices(SEARCH_GRAMMARS)
      .default(DEFAULT_SEARCH_GRAMMAR),
  )
  .option("--verbose", "log every request to stderr")
  .parse();

const options = program.opts<{
  data: string[];
  port?: number;
  latency?: number;
  searchGrammar: SearchGrammar;
  verbose?: boolean;
}>();
const fake = await startFakeGitHub({
  data: options.data,
  port: options.port,
  latencyMs: options.latency,
  searchGrammar: options.searchGrammar,
  log: options.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
});
const { repositories, pulls, issues } = fake.store.counts();
process.stdout.write(
  `fake GitHub listening on ${fake.url} (${repositories} repositories, ${pulls} pulls, ${issues} issues, ${fake.searchGrammar} search)\n`,
);
process.stdout.write(
  `  REST: ${fake.apiUrl}  GraphQL: ${fake.graphqlUrl}  GHE: GHE_HOST=${fake.host} GHE_PROTOCOL=http\n`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void fake.close().then(() => process.exit(0)));
}
