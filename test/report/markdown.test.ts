import { describe, expect, test } from "@jest/globals";
import { escapeText, escapeTitle, excerpt, withoutMentions } from "../../src/report/markdown.js";
import { gfmHtmlOf, textOf } from "./gfm.js";

// A title -> what the report holds. Outside balanced code spans everything is literal text.
const TITLES: [string, string][] = [
  ["*emphasis* and **strong**", "\\*emphasis\\* and \\*\\*strong\\*\\*"],
  ["_under_ and __init__ but snake_case_name", "\\_under\\_ and \\_\\_init\\_\\_ but snake_case_name"],
  ["~strike~ and ~~strike~~", "\\~strike\\~ and \\~\\~strike\\~\\~"],
  ["See https://evil.example/x?a=1", "See https\\://evil.example/x?a=1"],
  ["ftp://files.example/a and HTTP://LOUD.example", "ftp\\://files.example/a and HTTP\\://LOUD.example"],
  ["Visit www.example.com or (WWW.example.org)", "Visit www\\.example.com or (WWW\\.example.org)"],
  ["Mail me@example.com or mailto:a.b+c@example.org", "Mail me\\@example.com or mailto:a.b+c\\@example.org"],
  ["<https://evil.example>", "\\<https\\://evil.example\\>"],
  ["Pixel ![](https://evil.example/track.png)", "Pixel \\!\\[\\](https\\://evil.example/track.png)"],
  ["[click](https://evil.example) [ref][1] [^1]", "\\[click\\](https\\://evil.example) \\[ref\\]\\[1\\] \\[^1\\]"],
  ["<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>"],
  ["a | b", "a \\| b"],
  ["&copy; &#42;x&#42; &#x40;rn but AT&T", "\\&copy; \\&#42;x\\&#42; \\&#x40;rn but AT&T"],
  ["back\\slash \\*x\\* trailing\\", "back\\\\slash \\\\\\*x\\\\\\* trailing\\\\"],
  ["`code *kept* <b>` and *not*", "`code *kept* <b>` and \\*not\\*"],
  ["``a ` b`` and `` ` `` kept", "``a ` b`` and `` ` `` kept"],
  ["Fix `unterminated and ``double", "Fix \\`unterminated and \\`\\`double"],
  ["A `balanced and ``double` span", "A `balanced and ``double` span"],
  ["`{{ site.secret }}` in a span", "\\`\\{{ site.secret }\\}\\` in a span"],
  ["```js", "\\`\\`\\`js"],
  ["# heading", "\\# heading"],
  ["> quote", "\\> quote"],
  ["- item", "\\- item"],
  ["+ item", "\\+ item"],
  ["1) item", "1\\) item"],
  ["`code` first", "`code` first"],
  ["Update kernel to 4.11.9/4.9.36 in syscall.Socket: done", "Update kernel to 4.11.9/4.9.36 in syscall.Socket: done"],
];

describe("escapeTitle", () => {
  test.each(TITLES)("%j -> %j", (title, expected) => {
    expect(escapeTitle(title)).toBe(expected);
  });

  test.each(TITLES)("%j renders as its text, with nothing live", (title) => {
    const html = gfmHtmlOf(`- ${escapeTitle(title)}\n`);
    expect(html).not.toMatch(/<(a|img|em|strong|del|h\d|blockquote|ol|table|script|input|sup)\b/);
    expect(html.match(/<(ul|li|p)\b/g) ?? []).toEqual(["<ul", "<li"]);
    // Without code spans, a renderer shows exactly the title; with them, the title less the backticks of its spans.
    if (!/(?<!\\)`/.test(escapeTitle(title)))
      expect(textOf(html).replace(/\s+/g, " ").trim()).toBe(title.replace(/\s+/g, " ").trim());
  });

  test("balanced code spans render as code, with their text as is", () => {
    expect(gfmHtmlOf(escapeTitle("`code *kept* <b>` and *not*"))).toBe(
      "<p><code>code *kept* &lt;b&gt;</code> and *not*</p>",
    );
    expect(gfmHtmlOf(escapeTitle("``a ` b`` and `` ` `` kept"))).toBe(
      "<p><code>a ` b</code> and <code>`</code> kept</p>",
    );
  });

  test("newlines and tabs become one space; the title stays on its line", () => {
    expect(escapeTitle("a\n\n# b\tc\r\n")).toBe("a # b c");
  });
});

describe("escapeText", () => {
  test("every backtick is literal: plain text has no code spans", () => {
    expect(escapeText('bad period "`x` ![](https://e.example/t.png)"')).toBe(
      'bad period "\\`x\\` \\!\\[\\](https\\://e.example/t.png)"',
    );
    expect(gfmHtmlOf(escapeText("`x` ![](https://e.example/t.png)"))).toBe("<p>`x` ![](https://e.example/t.png)</p>");
  });
});

describe("excerpt", () => {
  test("keeps short text and cuts long text on a character", () => {
    expect(excerpt("2017-W27")).toBe("2017-W27");
    expect(excerpt("x".repeat(10_000))).toBe(`${"x".repeat(40)}…`);
    expect(excerpt("😀".repeat(41))).toBe(`${"😀".repeat(40)}…`);
  });
});

describe("withoutMentions", () => {
  test.each([
    ["@rn", "@\u200Brn"],
    ["`@rn`", "`@\u200Brn`"],
    ["`x`@ndauten", "`x`@\u200Bndauten"],
    ["fix `@linuxkit/maintainers` now", "fix `@\u200Blinuxkit/maintainers` now"],
    ["(@rn) *@rn* _@rn_ ~@rn~ \\@rn", "(@\u200Brn) *@\u200Brn* _@\u200Brn_ ~@\u200Brn~ \\@\u200Brn"],
    ["a\n@rn", "a\n@\u200Brn"],
    ["&#64;rn &#x40;rn &commat;rn but \\&#64;rn", "@\u200Brn @\u200Brn @\u200Brn but \\&#64;rn"],
    ["@&#114;n", "@\u200B&#114;n"],
    ["me@example.com and @ alone", "me@example.com and @ alone"],
  ])("%j -> %j", (text, expected) => {
    expect(withoutMentions(text)).toBe(expected);
  });

  test("is idempotent", () => {
    const once = withoutMentions("`@a` @b/c (@d)");
    expect(withoutMentions(once)).toBe(once);
  });
});
