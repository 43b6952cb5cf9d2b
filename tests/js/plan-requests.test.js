// "Add to my agenda": the requests written for each gap, under Node's test runner (`make test-fast`).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const core = require(path.join(__dirname, "..", "..", "macros", "rendering", "assets", "guide-core.js"));

// The data file's shape, with what a plan's gaps draw their requests from.
const DATA = {
  roles: {
    senior: { title: "Senior", family: "eng", skills: { craft: 3, talk: 2 }, development: ["Lead a project.", "Mentor someone.", "Write a design.", "Give a talk."] },
    quiet: { title: "Quiet", family: "eng", skills: { craft: 2 } },
  },
  competencies: {
    craft: { name: "Craft", steps: ["One", "Two", "Three"], development: { 3: ["Review designs.", "Read good code.", "Pair with a senior."] } },
    talk: { name: "Talk", steps: ["One", "Two", "Three"], development: { 2: ["Present at a review.", "Lead a project."] } },
    plain: { name: "Plain", steps: ["One", "Two"] },
  },
  opportunities: [
    { id: "course", title: "Craft course", kind: "course", competencies: ["craft"], contact: "a@b.example" },
    { id: "club", title: "Talk club", kind: "community", competencies: ["craft", "talk"] },
    { id: "late", title: "Later course", kind: "course", competencies: ["craft"] },
  ],
};

test("the ways to grow into a step are those written for it, and none elsewhere", () => {
  assert.deepEqual(core.waysToGrow(DATA, "craft", 3), ["Review designs.", "Read good code.", "Pair with a senior."]);
  assert.deepEqual(core.waysToGrow(DATA, "craft", 2), []);
  assert.deepEqual(core.waysToGrow(DATA, "plain", 1), [], "a competency with no ways to grow");
  assert.deepEqual(core.waysToGrow(DATA, "gone", 1), [], "a competency the data no longer has");
  assert.deepEqual(core.waysToGrow(DATA, "constructor", 1), [], "ids are the objects' own keys");
});

test("each gap asks for the company's offers first, then the ways to grow, three at most", () => {
  const { gaps } = core.gapRequests(DATA, [{ id: "craft", expected: 3 }], "senior");
  assert.deepEqual(gaps, [
    {
      id: "craft",
      requests: ['ask to join "Craft course" (course), contact a@b.example', 'ask to join "Talk club" (community)', "Review designs."],
    },
  ]);
});

test("the role's own requests come once, after the gaps, and nothing is asked for twice", () => {
  const { gaps, role } = core.gapRequests(
    DATA,
    [
      { id: "craft", expected: 3 },
      { id: "talk", expected: 2 },
    ],
    "senior",
  );
  // The club was asked for under Craft already; "Lead a project." under Talk, so the role's list goes on without it.
  assert.deepEqual(gaps[1].requests, ["Present at a review.", "Lead a project."]);
  assert.deepEqual(role, ["Mentor someone.", "Write a design.", "Give a talk."]);
});

test("a role without development requests, or a plan without gaps, asks for what there is", () => {
  assert.deepEqual(core.gapRequests(DATA, [], "quiet"), { gaps: [], role: [] });
  assert.deepEqual(core.gapRequests(DATA, [], "senior").role, ["Lead a project.", "Mentor someone.", "Write a design."]);
  assert.deepEqual(core.gapRequests(DATA, [{ id: "plain", expected: 2 }], "quiet").gaps, [{ id: "plain", requests: [] }]);
  assert.deepEqual(core.gapRequests(DATA, [], "constructor"), { gaps: [], role: [] });
});
