// The browser's logic without a browser: guide-core.js under Node's test runner (`make test-fast`).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const core = require(path.join(__dirname, "..", "..", "macros", "rendering", "assets", "guide-core.js"));

// localStorage as the storage layer sees it, with a quota and a switch to turn it off.
function memoryStorage({ quota = Infinity, off = false } = {}) {
  const items = new Map();
  const used = () => [...items].reduce((sum, [key, value]) => sum + key.length + value.length, 0);
  const refuse = (name) => Object.assign(new Error(name), { name });
  return {
    items,
    get length() {
      if (off) throw refuse("SecurityError");
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem(key) {
      if (off) throw refuse("SecurityError");
      return items.has(key) ? items.get(key) : null;
    },
    setItem(key, value) {
      if (off) throw refuse("SecurityError");
      const previous = items.get(key) || "";
      if (used() - previous.length + String(value).length > quota) throw refuse("QuotaExceededError");
      items.set(key, String(value));
    },
    removeItem(key) {
      if (off) throw refuse("SecurityError");
      items.delete(key);
    },
  };
}

const P = core.PREFIX;

// A small guide: three roles, two competencies, one renamed id of each.
const DATA = {
  version: "abc",
  families: { eng: { name: "Engineering" } },
  roles: {
    junior: { title: "Junior", family: "eng", moves: [["next", "senior"], ["lateral", "analyst"]], skills: { craft: 2 } },
    senior: { title: "Senior", family: "eng", moves: [], skills: { craft: 3, care: 2 } },
    analyst: { title: "Analyst", family: "eng", moves: [["next", "senior"]], skills: { care: 2 } },
  },
  competencies: { craft: { name: "Craft", steps: ["A", "B", "C", "D"] }, care: { name: "Care", steps: ["A", "B", "C"] } },
  renamed: { roles: { "old-junior": "junior" }, competencies: { "old-craft": "craft" } },
};

test("a kept value comes back as written", () => {
  const backend = memoryStorage();
  const store = core.createStore(backend);
  const plan = { name: "Ada", manager: "Grace", role: "junior", target: "senior", ratings: { craft: 2, care: "unsure" } };
  assert.deepEqual(store.write(`${P}plan`, plan), { ok: true });
  assert.deepEqual({ ...store.read(`${P}plan`), ratings: { ...store.read(`${P}plan`).ratings } }, plan);
  assert.equal(JSON.parse(backend.getItem(`${P}format`)).version, core.STORAGE_VERSION, "the format is recorded with the first write");
});

test("a value that fails its check is set aside, said once, and never stops the page", () => {
  const corrupt = {
    plan: ["not json", "null", "[]", '{"ratings": {"craft": {"deep": [1]}}}', '{"role": 7}', '"a string"'],
    placeholders: ["{", '{"name": 5}', '["a"]', `{"my action#100000000": "x"}`],
    "worksheet:role-junior": ["{", '{"q": {"nested": true}}', `{"plan-r99999999-action": "x"}`],
    editor: ["{", '{"on": "yes"}'],
    added: ["{", "3"],
  };
  for (const [key, values] of Object.entries(corrupt)) {
    for (const raw of values) {
      const backend = memoryStorage();
      backend.setItem(P + key, raw);
      const resets = [];
      const store = core.createStore(backend, { onReset: (what, problems) => resets.push([what, problems]) });
      const value = store.read(P + key);
      assert.ok(value !== null && typeof value === "object", `${key} = ${raw} reads as an empty value`);
      assert.equal(resets.length, 1, `${key} = ${raw} is reported`);
      assert.equal(backend.getItem(P + key), null, "the original moved away");
      const [asideKey] = [...backend.items.keys()].filter((name) => name.startsWith(`${P}set-aside:`));
      assert.equal(JSON.parse(backend.getItem(asideKey)).raw, raw, "and is kept as it was");
      store.read(P + key);
      assert.equal(resets.length, 1, "said once");
    }
  }
});

test("crafted counts are bounded, not followed", () => {
  const checked = core.checkTexts({ "my action#3": "a", "my action#100000000": "b", "plan-r2-action": "c", "plan-r5000-action": "d" });
  assert.deepEqual(Object.keys(checked.value).sort(), ["my action#3", "plan-r2-action"]);
  assert.equal(checked.problems.length, 2);
});

test("ids are the objects' own keys, never Object.prototype's", () => {
  const checked = core.checkPlan({ role: "__proto__", target: "constructor", ratings: { __proto__: 2, constructor: 1, toString: 3 } });
  assert.equal(checked.value.role, "");
  assert.equal(checked.value.target, "constructor", "a valid id shape...");
  const { plan, notes } = core.planAgainstData(checked.value, DATA);
  assert.equal(plan.target, "", "...that the guide does not have");
  assert.ok(notes.some((note) => note.includes("constructor")));
  assert.equal(core.own({}, "constructor"), undefined);
  const texts = core.checkTexts(JSON.parse('{"__proto__": "x", "constructor": "y"}')).value;
  assert.equal(Object.getPrototypeOf(texts), null);
  assert.equal(texts.__proto__, "x");
  assert.deepEqual(core.shortestRoutes(DATA, "junior", "constructor"), []);
  assert.deepEqual(core.shortestRoutes(DATA, "__proto__", "senior"), []);
});

test("a failed write says why and changes nothing", () => {
  const full = memoryStorage({ quota: 60 });
  const store = core.createStore(full);
  const result = store.write(`${P}placeholders`, { note: "x".repeat(100) });
  assert.deepEqual(result, { ok: false, reason: "full" });
  assert.equal(full.getItem(`${P}placeholders`), null);
  assert.match(core.writeFailure(result), /full/);

  const off = core.createStore(memoryStorage({ off: true }));
  assert.deepEqual(off.write(`${P}plan`, core.emptyPlan()), { ok: false, reason: "unavailable" });
  assert.deepEqual(off.read(`${P}placeholders`), core.dict(), "reading switched-off storage gives an empty value");
  assert.deepEqual(off.keys(), []);

  const huge = core.createStore(memoryStorage()).write(`${P}worksheet:a`, Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`q${i}`, "x".repeat(19000)])));
  assert.equal(huge.reason, "too-large");
  const invalid = core.createStore(memoryStorage()).write(`${P}plan`, { role: "Not An Id" });
  assert.equal(invalid.reason, "invalid");
});

test("a key that is not the guide's is never touched", () => {
  const backend = memoryStorage();
  backend.setItem("other-site", "{");
  const store = core.createStore(backend);
  assert.deepEqual(store.keys(), []);
  assert.throws(() => store.read("other-site"));
  assert.throws(() => store.remove("other-site"));
});

test("a snapshot gives everything back", () => {
  const backend = memoryStorage();
  const store = core.createStore(backend);
  store.write(`${P}plan`, { ...core.emptyPlan(), role: "junior" });
  store.write(`${P}worksheet:x`, { a: "b" });
  const before = store.snapshot();
  for (const key of store.keys()) store.remove(key);
  store.write(`${P}placeholders`, { c: "d" });
  assert.deepEqual(store.restore(before), { ok: true });
  assert.equal(store.read(`${P}plan`).role, "junior");
  assert.equal(store.read(`${P}worksheet:x`).a, "b");
  assert.equal(backend.getItem(`${P}placeholders`), null, "what came after is gone again");
});

test("a plan goes into a link's fragment and comes back", () => {
  const plan = { ...core.emptyPlan(), name: "Ada Lovelace & co", role: "junior", target: "senior", ratings: core.dict([["craft", 2], ["care", "unsure"]]) };
  const fragment = core.planToFragment(plan);
  assert.ok(fragment.startsWith("#"));
  const found = core.sharedPlanIn("", fragment);
  assert.equal(found.moved, false);
  assert.deepEqual(found.problems, []);
  assert.equal(found.plan.name, "Ada Lovelace & co");
  assert.deepEqual({ ...found.plan.ratings }, { craft: 2, care: "unsure" });
  assert.equal(core.sharedPlanIn("", "#about-me"), null, "a heading's anchor is not a plan");
  assert.equal(core.sharedPlanIn("?q=1", ""), null);
});

test("a link sent before plans moved after # still opens, and is moved there", () => {
  const found = core.sharedPlanIn("?role=junior&target=senior&rated=craft:3,care:?", "");
  assert.equal(found.moved, true);
  assert.equal(found.plan.role, "junior");
  assert.equal(found.fragment, core.planToFragment(found.plan));
  assert.ok(!found.fragment.includes("?role"));
});

test("a link's unknown roles, competencies and out-of-scale ratings are named, never shown as undefined", () => {
  const found = core.sharedPlanIn("", "#shared-plan=1&role=gone&target=old-junior&rated=craft:9,care:x,old-craft:2,nope:1");
  const { plan, notes } = core.planAgainstData(found.plan, DATA);
  assert.equal(plan.role, "");
  assert.equal(plan.target, "junior", "a renamed role follows previous_ids");
  assert.deepEqual({ ...plan.ratings }, { craft: 2 }, "the renamed competency's rating; 9 is outside the scale");
  const said = [...found.problems, ...notes].join("\n");
  for (const words of ['"gone" no longer exists', "outside its scale (1 to 4)", '"nope" no longer exists', '"care:x" is not a level']) {
    assert.ok(said.includes(words), `${words} in ${said}`);
  }
  assert.ok(!said.includes("undefined"));
});

test("a plan file is checked completely before anything changes", () => {
  const good = core.planFile({ name: "Ada", manager: "", role: "old-junior", target: "senior", ratings: { craft: 2 } }, "abc");
  const opened = core.readPlanFile(good, DATA);
  assert.equal(opened.ok, true);
  assert.equal(opened.plan.role, "junior");
  const refused = [
    "",
    "{",
    "[]",
    JSON.stringify({ format: "career-guide-plan/1", plan: null }),
    JSON.stringify({ format: "career-guide-plan/1", plan: [] }),
    JSON.stringify({ format: "career-guide-plan/1", plan: { name: 5 } }),
    JSON.stringify({ format: "career-guide-plan/1", plan: { ratings: { craft: { a: { b: { c: 1 } } } } } }),
    JSON.stringify({ format: "career-guide-plan/1", plan: { ratings: [1, 2] } }),
    JSON.stringify({ destination: "the sea" }),
    `{"format": "career-guide-plan/1", "plan": {"name": "${"x".repeat(core.LIMITS.bytes)}"}}`,
  ];
  for (const text of refused) {
    const result = core.readPlanFile(text, DATA);
    assert.equal(result.ok, false, text.slice(0, 80));
    assert.ok(result.reason && !result.reason.includes("undefined"), result.reason);
  }
});

test("replacing a plan is described in words", () => {
  const mine = { name: "Ada", manager: "Grace", role: "junior", target: "senior", ratings: core.dict([["craft", 2], ["care", 1]]) };
  const theirs = { name: "Ada", manager: "Grace", role: "analyst", target: "senior", ratings: core.dict([["craft", 3]]) };
  assert.deepEqual(core.describeReplacement(mine, theirs, DATA), ["your role: Junior → Analyst", "your ratings: 1 rating changed, 1 rating removed"]);
  assert.equal(core.isEmptyPlan(core.emptyPlan()), true);
  assert.equal(core.isEmptyPlan(mine), false);
});

test("Add to my agenda adds its lines and keeps the reader's own words", () => {
  const first = core.mergeAdded("", "", "To grow:\n- Craft");
  assert.equal(first, "To grow:\n- Craft");
  const edited = `My own goal\n${first}\nAnd a request of mine`;
  const second = core.mergeAdded(edited, "To grow:\n- Craft", "To grow:\n- Care\n- Craft");
  assert.equal(second, "My own goal\nTo grow:\n- Care\n- Craft\nAnd a request of mine", "updated in place");
  assert.equal(core.mergeAdded("Only mine", "", "To grow:\n- Craft"), "Only mine\n\nTo grow:\n- Craft", "added after the reader's words");
  assert.equal(core.mergeAdded("Only mine", "To grow:\n- Craft", "To grow:\n- Care"), "Only mine\n\nTo grow:\n- Care", "the reader deleted ours: added again");
  const reworded = core.mergeAdded("To grow:\n- Craft, by shadowing Sam", "To grow:\n- Craft", "To grow:\n- Care");
  assert.equal(reworded, "To grow:\n- Care\n- Craft, by shadowing Sam", "a line the reader changed is theirs");
});

test("routes: the shortest ones, ties included, in the data's order", () => {
  const data = {
    roles: {
      a: { moves: [["next", "b"], ["lateral", "c"]] },
      b: { moves: [["next", "d"]] },
      c: { moves: [["next", "d"]] },
      d: { moves: [["lateral", "a"]] },
    },
  };
  assert.deepEqual(core.shortestRoutes(data, "a", "d"), [
    [["next", "b"], ["next", "d"]],
    [["lateral", "c"], ["next", "d"]],
  ]);
  assert.deepEqual(core.shortestRoutes(data, "a", "a"), []);
  assert.deepEqual(core.shortestRoutes(data, "d", "c"), [[["lateral", "a"], ["lateral", "c"]]]);
  assert.deepEqual(core.shortestRoutes(data, "a", "d", 1), [[["next", "b"], ["next", "d"]]]);
});

test("every key the guide keeps is declared with a shape and a name for readers", () => {
  for (const key of ["format", "plan", "placeholders", "added", "worksheet:role-junior", "editor", "set-aside:plan:2026"]) {
    assert.ok(core.kindOf(P + key), key);
  }
  assert.equal(core.kindOf(`${P}unknown`), null);
  assert.equal(core.kindOf("plan"), null);
});

test("what the company offers for a gap: for the target's role or family, openings for the target itself first", () => {
  const data = {
    ...DATA,
    opportunities: [
      { id: "course", kind: "course", title: "Craft course", competencies: ["craft"], contact: "a@b.example" },
      { id: "other-family", kind: "mentoring", title: "Sales mentors", competencies: ["craft"], families: ["sales"] },
      { id: "for-senior", kind: "project", title: "Lead a project", competencies: ["craft"], roles: ["senior"] },
      { id: "for-junior", kind: "project", title: "Junior project", competencies: ["craft"], roles: ["junior"] },
      { id: "care-only", kind: "shadowing", title: "Shadow support", competencies: ["care"] },
      { id: "opening", kind: "opening", title: "Senior", role: "senior", competencies: [] },
      { id: "other-opening", kind: "opening", title: "Analyst", role: "analyst", competencies: ["craft"] },
    ],
  };
  assert.deepEqual(
    core.offersFor(data, "craft", "senior").map((entry) => entry.id),
    ["opening", "course", "for-senior"],
  );
  assert.deepEqual(core.offersFor(data, "craft", "constructor"), []);
  assert.equal(core.requestFor(data.opportunities[0]), 'ask to join "Craft course" (course), contact a@b.example');
  assert.equal(core.requestFor(data.opportunities[5]), "ask about the open Senior role");
});

test("a manager's questions fit the plan: general ones, the target's family or role, and the gaps", () => {
  const data = {
    ...DATA,
    questions: [
      { text: "General", audience: "manager", competencies: [], families: [], roles: [] },
      { text: "Employee's", audience: "employee", competencies: [], families: [], roles: [] },
      { text: "About craft", audience: "manager", competencies: ["craft"], families: [], roles: [] },
      { text: "About care", audience: "manager", competencies: ["care"], families: [], roles: [] },
      { text: "For eng", audience: "manager", competencies: [], families: ["eng"], roles: [] },
      { text: "For analysts", audience: "manager", competencies: [], families: [], roles: ["analyst"] },
    ],
  };
  const plan = { ...core.emptyPlan(), role: "junior", target: "senior" };
  assert.deepEqual(
    core.managerQuestions(data, plan, ["craft"]).map((question) => question.text),
    ["General", "About craft", "For eng"],
  );
});

/* ---------- one conversation date ---------- */

test("a date typed in words is read as the date a date field holds, and anything else as no date", () => {
  for (const written of ["2026-12-10", "10 December 2026", "Thursday 10 December 2026", "Thu, 10 Dec 2026", "December 10, 2026", "10th Dec. 2026"]) {
    assert.equal(core.isoDate(written), "2026-12-10", written);
  }
  for (const written of ["next Tuesday", "10/12/2026", "2026-02-30", "31 Febtember 2026", "", null, "Someday 10 December 2026"]) {
    assert.equal(core.isoDate(written), "", String(written));
  }
  assert.equal(core.longDate("2026-12-10"), "Thursday 10 December 2026");
  assert.equal(core.longDate("2027-01-31", { weekday: false, year: false }), "31 January");
  assert.equal(core.readableDate("2026-12-10"), "Thursday 10 December 2026", "a date field's value reads as a date");
  assert.equal(core.readableDate("after lunch on Friday"), "after lunch on Friday", "words stay as typed");
  assert.equal(core.isoDate(core.longDate("2027-03-15")), "2027-03-15", "what the guide shows reads back");
});

function oldBrowser(values) {
  const backend = memoryStorage();
  backend.setItem(`${P}format`, JSON.stringify({ version: 1 }));
  for (const [key, value] of Object.entries(values)) backend.setItem(`${P}${key}`, JSON.stringify(value));
  return { backend, store: core.createStore(backend) };
}

const MIGRATION = { dateBlank: "meeting date", dateField: "date" };

test("the dates each worksheet kept become the one shared date, the latest of them, once", () => {
  const { store } = oldBrowser({
    "worksheet:meeting-preparation": { date: "2026-11-02", name: "Ada" },
    "worksheet:follow-up-plan": { date: "2026-11-20" },
    "worksheet:role-senior": { date: "not a date" },
    placeholders: { "your name": "Ada" },
  });
  assert.deepEqual(core.migrateStorage(store, MIGRATION), { ok: true });
  assert.equal(store.read(`${P}placeholders`)["meeting date"], "2026-11-20");
  assert.equal(store.read(`${P}placeholders`)["your name"], "Ada");
  assert.equal(store.read(`${P}worksheet:meeting-preparation`).date, "2026-11-02", "the sheet's own answer is left as it was");
  assert.equal(store.read(`${P}format`).version, core.STORAGE_VERSION);

  // Once: a shared date emptied later is not taken back from the sheets.
  store.write(`${P}placeholders`, { "your name": "Ada" });
  core.migrateStorage(store, MIGRATION);
  assert.equal(store.read(`${P}placeholders`)["meeting date"], undefined);
});

test("a shared date is never replaced by a worksheet's older one", () => {
  const { store } = oldBrowser({
    "worksheet:follow-up-plan": { date: "2026-11-20" },
    placeholders: { "meeting date": "10 December 2026" },
  });
  core.migrateStorage(store, MIGRATION);
  assert.equal(store.read(`${P}placeholders`)["meeting date"], "10 December 2026");
});

test("a new browser has nothing to migrate, and one whose storage is off is tried again later", () => {
  const empty = memoryStorage();
  assert.deepEqual(core.migrateStorage(core.createStore(empty), MIGRATION), { ok: true });
  assert.equal(empty.items.size, 0, "nothing is written for a reader who has kept nothing");

  const full = memoryStorage({ quota: 120 });
  full.setItem(`${P}format`, JSON.stringify({ version: 1 }));
  full.setItem(`${P}worksheet:a`, JSON.stringify({ date: "2026-11-20" }));
  assert.equal(core.migrateStorage(core.createStore(full), MIGRATION).reason, "full");
  assert.equal(JSON.parse(full.getItem(`${P}format`)).version, 1, "the version stays until the date is shared");
});

/* ---------- the check-in ---------- */

test("a check-in never falls on a weekend: it moves to the Monday after, and says so", () => {
  assert.deepEqual(core.checkInDay("2026-12-03", 6), { date: "2027-01-14", movedFrom: null });
  assert.deepEqual(core.checkInDay("2027-01-31", 6), { date: "2027-03-15", movedFrom: "Sunday" });
  assert.deepEqual(core.checkInDay("2027-01-30", 1), { date: "2027-02-08", movedFrom: "Saturday" });
  const { date, movedFrom } = core.checkInDay("2027-01-31", 6);
  assert.equal(
    core.checkInSentence({ checkIn: date, movedFrom, weeks: 6, conversation: "2027-01-31", today: "2027-01-02" }),
    "Your check-in is on Monday 15 March 2027, 6 weeks after your conversation on 31 January (moved from Sunday to the next working day).",
  );
  assert.equal(
    core.checkInSentence({ checkIn: "2027-01-14", movedFrom: null, weeks: 6, conversation: "2026-12-03", today: "2027-01-02" }),
    "Your check-in is on Thursday 14 January 2027, 6 weeks after your conversation on 3 December 2026.",
    "the conversation's year is said when it is not the check-in's",
  );
  assert.equal(
    core.checkInSentence({ checkIn: "2027-01-14", movedFrom: null, weeks: 1, conversation: "", today: "2027-01-07" }),
    "Your check-in is on Thursday 14 January 2027, 1 week from today, 7 January (no conversation date is filled in).",
  );
});

/* ---------- optional blanks ---------- */

test("an optional blank left empty is left out of what is sent, with its line when that is all the line holds", () => {
  const empty = core.LEFT_OUT;
  assert.equal(core.withoutEmptyOptional(`Also on my mind:\n- ${empty}\nThank you`), "Also on my mind:\nThank you");
  assert.equal(core.withoutEmptyOptional(`Topics:\n  * ${empty}\n  2. ${empty}\n- ${empty} and more`), "Topics:\n- and more");
  assert.equal(core.withoutEmptyOptional(`My phone: ${empty}\nBye`), "My phone:\nBye", "elsewhere only the blank is left out");
  assert.equal(core.withoutEmptyOptional("- [Other Topic]\n\nBye"), "- [Other Topic]\n\nBye", "nothing else changes");
});

test("a blank in a question's text shows what was typed under its name, or stays in brackets", () => {
  const shared = core.dict([["skill", "public speaking"], ["meeting date", "2026-12-10"]]);
  assert.equal(core.fillBlanks("Could I practise [Skill] before [Meeting Date]?", shared), "Could I practise public speaking before Thursday 10 December 2026?");
  assert.equal(core.fillBlanks("More responsibility in [specific area]?", shared), "More responsibility in [specific area]?");
  assert.equal(core.fillBlanks("[constructor] and [__proto__]", shared), "[constructor] and [__proto__]", "only the reader's own names");
});
