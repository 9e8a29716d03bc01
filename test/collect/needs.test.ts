// The activity searches are sent only when the template uses what they give.
import { describe, expect, test } from "@jest/globals";
import { activityNeeds } from "../../src/collect/index.js";
import { builtinTemplate, defaultTemplate } from "../../src/draft.js";
import { linuxkit } from "../../src/config/presets/linuxkit.js";
import { linuxkitMonthly } from "../../src/config/presets/linuxkit-monthly.js";

describe("what a template needs collected", () => {
  test("the weekly format needs nothing beyond merged PRs and closed issues", () => {
    expect(activityNeeds([defaultTemplate(), linuxkit.title!, linuxkit.intro!, linuxkit.outro!])).toEqual({
      updated: false,
      opened: false,
    });
  });

  test("the monthly format needs the updated listing and the opened counts", () => {
    expect(
      activityNeeds([builtinTemplate("linuxkit-monthly"), linuxkitMonthly.title!, linuxkitMonthly.intro!]),
    ).toEqual({ updated: true, opened: true });
  });

  test("each tag form counts, other words do not", () => {
    expect(activityNeeds(["{{#updated}}{{/updated}}"])).toEqual({ updated: true, opened: false });
    expect(activityNeeds(["{{counts.pullsOpened}}"])).toEqual({ updated: false, opened: true });
    expect(activityNeeds(["{{{ counts.contributors }}}"])).toEqual({ updated: false, opened: true });
    expect(activityNeeds(["{{counts.pullsMerged}} updated {{updatedAt}} {{title}}"])).toEqual({
      updated: false,
      opened: false,
    });
  });
});
