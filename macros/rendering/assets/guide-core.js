/*
 * Career Guide in the browser: the logic, as plain functions with no page in sight.
 *
 * guide.js and plan.js work the page; what they decide (what may be kept in
 * storage and in what shape, what a plan file or a shared link may say, how
 * "Add to my agenda" merges with the reader's own words, the routes between
 * roles) is decided here, so that Node's test runner checks it without a
 * browser (tests/js/). In a page this file defines `window.careerGuideCore`;
 * in Node, `require()` returns the same object.
 *
 * Everything a reader enters is theirs: every value is checked when it is
 * read and when it is written; a value that fails is set aside, never
 * deleted; every write says whether it happened.
 */
((root, factory) => {
  const core = factory();
  if (typeof module === "object" && module.exports) module.exports = core;
  else root.careerGuideCore = core;
})(typeof self !== "undefined" ? self : globalThis, () => {
  "use strict";

  const PREFIX = "career-guide:";
  const STORAGE_VERSION = 2; // 2: one conversation date, shared by every worksheet (see migrateStorage)
  const PLAN_FORMAT = "career-guide-plan/1";
  const UNSURE = "unsure";
  const ROUTE_LIMIT = 3;

  /* What may be kept, at the most: a crafted or corrupt value never freezes a page or fills the storage. */
  const LIMITS = Object.freeze({
    text: 20000, // characters of one answer
    name: 200, // characters of a blank's or a field's name, a person's name, an id
    fields: 2000, // answers kept for one page
    ratings: 500, // competencies rated in one plan
    entries: 50, // entries of a list line in a message ("- I will [My Action] by [Date].")
    rows: 100, // rows of a worksheet's table
    bytes: 1000000, // characters of one stored value, and of a plan file
  });

  const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  // Objects without a prototype: "__proto__" or "constructor" typed as a key stays a plain key.
  const dict = (entries = []) => {
    const object = Object.create(null);
    for (const [key, value] of entries) object[key] = value;
    return object;
  };

  // A key's value only when the object has it itself: never Object.prototype's.
  const own = (object, key) =>
    object !== null && typeof object === "object" && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;

  const isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

  /* ---------- the shapes of what is kept ---------- */

  // The numbered part of a kept key: entry n of a list ("name#n") or row n of a table ("section-rn-column").
  const NUMBERED = [
    [/#(\d+)$/, "entries"],
    [/-r(\d+)-/, "rows"],
  ];

  function numberWithinLimits(key) {
    return NUMBERED.every(([pattern, limit]) => {
      const match = key.match(pattern);
      return !match || (Number(match[1]) >= 1 && Number(match[1]) <= LIMITS[limit]);
    });
  }

  // Names to texts: the blanks of the messages, the answers of one page.
  function checkTexts(value) {
    if (!isRecord(value)) return { value: dict(), problems: ["it is not a list of answers"] };
    const problems = [];
    const kept = dict();
    let count = 0;
    for (const [key, text] of Object.entries(value)) {
      if (typeof text !== "string") problems.push(`the answer "${key.slice(0, 40)}" is not text`);
      else if (text.length > LIMITS.text) problems.push(`the answer "${key.slice(0, 40)}" is too long`);
      else if (key.length > LIMITS.name || !numberWithinLimits(key)) problems.push(`"${key.slice(0, 40)}" is not a name this guide uses`);
      else if (count >= LIMITS.fields) problems.push("there are more answers than a page has");
      else {
        kept[key] = text;
        count += 1;
      }
    }
    return { value: kept, problems: [...new Set(problems)] };
  }

  const shortText = (value) => typeof value === "string" && value.length <= LIMITS.name;
  const isRating = (value) => value === UNSURE || (Number.isInteger(value) && value >= 1 && value <= 20);

  const PLAN_FIELDS = ["name", "manager", "role", "target", "ratings"];

  function emptyPlan() {
    return { name: "", manager: "", role: "", target: "", ratings: dict() };
  }

  // A plan's shape: texts, ids and ratings of the right kinds. Which roles and competencies exist is for planAgainstData.
  function checkPlan(value) {
    const plan = emptyPlan();
    if (!isRecord(value)) return { value: plan, problems: ["it is not a plan"] };
    const problems = Object.keys(value)
      .filter((key) => !PLAN_FIELDS.includes(key))
      .slice(0, 3)
      .map((key) => `it has "${key.slice(0, 40)}", which a plan does not`);
    for (const key of ["name", "manager"]) {
      if (value[key] === undefined || value[key] === null) continue;
      if (shortText(value[key])) plan[key] = value[key];
      else problems.push(`its ${key} is not a short text`);
    }
    for (const key of ["role", "target"]) {
      const id = value[key];
      if (id === undefined || id === null || id === "") continue;
      if (typeof id === "string" && ID.test(id) && id.length <= LIMITS.name) plan[key] = id;
      else problems.push(`its ${key === "role" ? "role" : "role of interest"} is not a role's id`);
    }
    if (value.ratings !== undefined && value.ratings !== null) {
      if (!isRecord(value.ratings)) problems.push("its ratings are not a list of competencies and levels");
      else {
        const entries = Object.entries(value.ratings);
        if (entries.length > LIMITS.ratings) problems.push(`it rates more than ${LIMITS.ratings} competencies`);
        for (const [id, rating] of entries.slice(0, LIMITS.ratings)) {
          if (!ID.test(id) || id.length > LIMITS.name) problems.push(`"${id.slice(0, 40)}" is not a competency's id`);
          else if (!isRating(rating)) problems.push(`its rating of ${id} is not a level`);
          else plan.ratings[id] = rating;
        }
      }
    }
    return { value: plan, problems };
  }

  const checkFormat = (value) =>
    isRecord(value) && Number.isInteger(value.version) && value.version >= 1
      ? { value: { version: value.version }, problems: [] }
      : { value: { version: STORAGE_VERSION }, problems: ["it is not a version"] };

  const checkEditor = (value) =>
    isRecord(value) && value.on === true ? { value: { on: true }, problems: [] } : { value: {}, problems: isRecord(value) && !Object.keys(value).length ? [] : ["it is not a setting"] };

  const checkSetAside = (value) =>
    isRecord(value) && typeof value.key === "string" && typeof value.raw === "string"
      ? { value: { key: value.key, raw: value.raw, when: String(value.when || "") }, problems: [] }
      : { value: null, problems: ["it is not a set-aside value"] };

  /* Every key the guide keeps, its shape, and what a reader calls it. Declared once: a key not
     listed here is not the guide's and is never read, written or deleted. */
  const KEYS = [
    { pattern: /^format$/, check: checkFormat, empty: () => ({ version: STORAGE_VERSION }), what: () => "the storage version" },
    { pattern: /^plan$/, check: checkPlan, empty: emptyPlan, what: () => "your plan" },
    { pattern: /^placeholders$/, check: checkTexts, empty: dict, what: () => "what you typed into the messages' blanks" },
    { pattern: /^added$/, check: checkTexts, empty: dict, what: () => "what My plan added to your agenda" },
    { pattern: /^worksheet:([a-z0-9:-]+)$/, check: checkTexts, empty: dict, what: (id) => `your answers on the page "${id}"` },
    { pattern: /^editor$/, check: checkEditor, empty: () => ({}), what: () => "the editing-links setting" },
    { pattern: /^set-aside:/, check: checkSetAside, empty: () => null, what: () => "a value set aside before" },
  ];

  function kindOf(key) {
    if (typeof key !== "string" || !key.startsWith(PREFIX)) return null;
    const name = key.slice(PREFIX.length);
    for (const kind of KEYS) {
      const match = name.match(kind.pattern);
      if (match) return { ...kind, what: kind.what(match[1]) };
    }
    return null;
  }

  /* ---------- the storage layer ---------- */

  /* One layer over the browser's storage (`backend`: the window's local storage, or any object with getItem,
     setItem, removeItem, key and length). `onReset(what, problems)` is told once of every value
     that failed its check and was set aside. Writes return { ok, reason }: "full" (quota),
     "unavailable" (storage off, private mode), "too-large" or "invalid" (the value's own fault). */
  function createStore(backend, { onReset = () => {} } = {}) {
    const attempt = (action) => {
      try {
        return { ok: true, value: action() };
      } catch (error) {
        const full = error && (error.name === "QuotaExceededError" || error.code === 22 || error.code === 1014);
        return { ok: false, reason: full ? "full" : "unavailable" };
      }
    };

    const keys = () => {
      const found = attempt(() => {
        const list = [];
        for (let index = 0; index < backend.length; index += 1) list.push(backend.key(index));
        return list;
      });
      return found.ok ? found.value.filter((key) => kindOf(key)) : [];
    };

    // A value that fails its check moves to a key of its own, with what it was and when; the
    // original is removed only once the copy is written, so nothing is lost when storage is full.
    function setAside(key, raw, kind, problems) {
      const when = new Date().toISOString();
      const copy = JSON.stringify({ key, raw, when });
      const moved = attempt(() => backend.setItem(`${PREFIX}set-aside:${key.slice(PREFIX.length)}:${when}`, copy));
      if (moved.ok) attempt(() => backend.removeItem(key));
      onReset(kind.what, problems, moved.ok);
    }

    function read(key) {
      const kind = kindOf(key);
      if (!kind) throw new Error(`${key} is not a key this guide keeps`);
      const got = attempt(() => backend.getItem(key));
      if (!got.ok || got.value === null || got.value === undefined) return kind.empty();
      const raw = got.value;
      let parsed;
      if (raw.length > LIMITS.bytes) return setAside(key, raw, kind, ["it is larger than anything this guide keeps"]), kind.empty();
      try {
        parsed = JSON.parse(raw);
      } catch {
        return setAside(key, raw, kind, ["it is not readable"]), kind.empty();
      }
      const checked = kind.check(parsed);
      if (checked.problems.length) setAside(key, raw, kind, checked.problems);
      return checked.value === null ? kind.empty() : checked.value;
    }

    function write(key, value) {
      const kind = kindOf(key);
      if (!kind) throw new Error(`${key} is not a key this guide keeps`);
      const checked = kind.check(value);
      if (checked.problems.length) return { ok: false, reason: "invalid", problems: checked.problems };
      const text = JSON.stringify(checked.value);
      if (text.length > LIMITS.bytes) return { ok: false, reason: "too-large" };
      if (!key.endsWith("format")) {
        const format = attempt(() => backend.getItem(`${PREFIX}format`));
        if (format.ok && format.value === null) attempt(() => backend.setItem(`${PREFIX}format`, JSON.stringify({ version: STORAGE_VERSION })));
      }
      const written = attempt(() => backend.setItem(key, text));
      return written.ok ? { ok: true } : { ok: false, reason: written.reason };
    }

    function remove(key) {
      if (!kindOf(key)) throw new Error(`${key} is not a key this guide keeps`);
      const removed = attempt(() => backend.removeItem(key));
      return removed.ok ? { ok: true } : { ok: false, reason: removed.reason };
    }

    // Every kept value checked at once (on a page's first load), so that what fails is set aside and said there.
    function checkAll() {
      for (const key of keys()) read(key);
    }

    // Every kept value as it is stored, to give back with `restore` (Undo).
    function snapshot(only = null) {
      const taken = dict();
      for (const key of keys()) {
        if (only && !only.includes(key)) continue;
        const got = attempt(() => backend.getItem(key));
        if (got.ok && got.value !== null) taken[key] = got.value;
      }
      return { keys: only, values: taken };
    }

    function restore({ keys: only, values }) {
      const failures = [];
      for (const key of only || keys()) {
        if (!(key in values)) {
          const removed = attempt(() => backend.removeItem(key));
          if (!removed.ok) failures.push(removed.reason);
        }
      }
      for (const [key, raw] of Object.entries(values)) {
        const written = attempt(() => backend.setItem(key, raw));
        if (!written.ok) failures.push(written.reason);
      }
      return failures.length ? { ok: false, reason: failures[0] } : { ok: true };
    }

    return { read, write, remove, keys, checkAll, snapshot, restore };
  }

  // What a failed write means to the reader, in words for the place they acted.
  function writeFailure(result) {
    if (result.reason === "full") return "this browser's storage for the guide is full";
    if (result.reason === "too-large") return "it is larger than this browser keeps for the guide";
    if (result.reason === "invalid") return "it is not something this guide can keep";
    return "this browser does not let the guide keep anything (storage is switched off, or this is a private window)";
  }

  /* ---------- what older versions kept, brought up to date once ---------- */

  /* Version 1 kept a "Conversation date" on each worksheet; version 2 keeps one, shared as the blank
     `dateBlank` (its name in lowercase). Once, when the shared date is empty, it takes the sheets' own
     date, the latest if they differ (the conversation itself, not the day someone began preparing):
     an older sheet's date never replaces a shared one. Returns the result of the last write; on a
     failure the version stays, and the next page tries again. */
  function migrateStorage(store, { dateBlank, dateField }) {
    const keys = store.keys();
    if (!keys.length) return { ok: true };
    const formatKey = `${PREFIX}format`;
    const version = keys.includes(formatKey) ? store.read(formatKey).version : 1;
    if (version >= 2) return { ok: true };
    const sharedKey = `${PREFIX}placeholders`;
    const shared = store.read(sharedKey);
    if (!own(shared, dateBlank)) {
      const dates = keys
        .filter((key) => key.startsWith(`${PREFIX}worksheet:`))
        .map((key) => isoDate(own(store.read(key), dateField) || ""))
        .filter(Boolean)
        .sort();
      if (dates.length) {
        shared[dateBlank] = dates[dates.length - 1];
        const kept = store.write(sharedKey, shared);
        if (!kept.ok) return kept;
      }
    }
    return store.write(formatKey, { version: STORAGE_VERSION });
  }

  /* ---------- dates: kept as yyyy-mm-dd, shown in words ---------- */

  const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

  const utcDay = (iso) => new Date(`${iso}T00:00:00Z`);
  const isoOf = (day) => day.toISOString().slice(0, 10);

  function validDate(year, month, day) {
    const date = new Date(Date.UTC(year, month - 1, day));
    return year >= 1000 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
      ? isoOf(date)
      : "";
  }

  // "Dec", "Sept" or "December": a name's first three letters or more.
  const abbreviates = (word, name) => word.length >= 3 && name.toLowerCase().startsWith(word.toLowerCase());
  const monthNumber = (word) => MONTHS.findIndex((month) => abbreviates(word, month)) + 1;

  /* A date as a date field holds it (yyyy-mm-dd), from what someone typed: 2026-12-10, "10 December 2026",
     "Thursday 10 Dec 2026", "December 10, 2026". Anything else ("next Tuesday", 10/12/2026, which reads
     two ways) is not a date: "". */
  function isoDate(text) {
    const value = String(text || "").trim();
    let match = value.match(/^(\d{4})-(\d{2})-(\d{2})$/);
    if (match) return validDate(Number(match[1]), Number(match[2]), Number(match[3]));
    // A day of the week before the date says nothing more: "Thursday, 10 December 2026".
    const isWeekday = (word) => DAYS.some((name) => abbreviates(word, name));
    const words = value.replace(/^([a-z]+)\.?,?\s+(?=\d|[a-z]+\.?\s+\d)/i, (whole, word) => (isWeekday(word) ? "" : whole));
    match = words.match(/^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i);
    if (match && monthNumber(match[2])) return validDate(Number(match[3]), monthNumber(match[2]), Number(match[1]));
    match = words.match(/^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i);
    if (match && monthNumber(match[1])) return validDate(Number(match[3]), monthNumber(match[1]), Number(match[2]));
    return "";
  }

  // "Thursday 10 December 2026"; `year: false` leaves the year out ("10 December").
  function longDate(iso, { weekday = true, year = true } = {}) {
    const day = utcDay(iso);
    const words = `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]}${year ? ` ${day.getUTCFullYear()}` : ""}`;
    return weekday ? `${DAYS[day.getUTCDay()]} ${words}` : words;
  }

  // What a blank shows: a date kept as yyyy-mm-dd in words, anything else as typed.
  const readableDate = (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value || "") && isoDate(value) ? longDate(value) : value);

  /* The check-in, `weeks` after the conversation of `conversation` (yyyy-mm-dd): a Saturday or Sunday
     moves to the Monday after. { date, movedFrom } names the weekend day it moved from, if it did. */
  function checkInDay(conversation, weeks) {
    const day = utcDay(conversation);
    day.setUTCDate(day.getUTCDate() + 7 * weeks);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) return { date: isoOf(day), movedFrom: null };
    day.setUTCDate(day.getUTCDate() + (weekday === 6 ? 2 : 1));
    return { date: isoOf(day), movedFrom: DAYS[weekday] };
  }

  /* What the reminder says it made: "Your check-in is on Monday 15 March 2027, 6 weeks after your
     conversation on 31 January (moved from Sunday to the next working day)." `conversation` is
     empty when the weeks were counted from `today`. */
  function checkInSentence({ checkIn, movedFrom, weeks, conversation, today }) {
    const span = `${weeks} week${weeks === 1 ? "" : "s"}`;
    const from = utcDay(conversation || today);
    const sameYear = from.getUTCFullYear() === utcDay(checkIn).getUTCFullYear();
    const start = longDate(conversation || today, { weekday: false, year: !sameYear });
    const after = conversation ? `after your conversation on ${start}` : `from today, ${start} (no conversation date is filled in)`;
    const moved = movedFrom ? ` (moved from ${movedFrom} to the next working day)` : "";
    return `Your check-in is on ${longDate(checkIn)}, ${span} ${after}${moved}.`;
  }

  /* A question's text (plain, as the plan's data file has it) with each [blank] showing what was typed
     under its name (`shared`: names in lowercase to texts), or left in brackets. For plan.js, whose
     questions are not marked up as the pages' are. */
  const fillBlanks = (text, shared) =>
    text.replace(/\[([^[\]\n]{1,80})\]/g, (blank, name) => readableDate(own(shared, name.trim().toLowerCase()) || "") || blank);

  /* ---------- optional blanks: left out of what is sent while empty ---------- */

  // Stands for an optional blank left empty in a message's text, until withoutEmptyOptional takes it out.
  const LEFT_OUT = "\u0000";

  /* The text of a message as sent: a line whose only words were optional blanks left empty (a list's
     "- " aside) is left out whole; elsewhere only the blank is. The twin of views.without_empty_optional. */
  function withoutEmptyOptional(text) {
    return text
      .split("\n")
      .filter((line) => !line.includes(LEFT_OUT) || !/^[\s\-*•]*(?:\d+[.)])?\s*$/.test(line.split(LEFT_OUT).join("")))
      .map((line) => (line.includes(LEFT_OUT) ? line.replace(/ ?\u0000/g, "").trimEnd() : line))
      .join("\n");
  }

  /* ---------- plans against the guide's data ---------- */

  const currentId = (data, kind, id) => own(own(data.renamed, kind), id) || id;

  // A plan as the current data reads it: renamed ids followed, and what the data no longer has named, never shown as "undefined".
  function planAgainstData(plan, data) {
    const result = { ...plan, ratings: dict() };
    const notes = [];
    for (const key of ["role", "target"]) {
      if (!plan[key]) continue;
      const id = currentId(data, "roles", plan[key]);
      if (own(data.roles, id)) result[key] = id;
      else {
        result[key] = "";
        notes.push(`${key === "role" ? "the role" : "the role of interest"} "${plan[key]}" no longer exists in the guide`);
      }
    }
    for (const [rated, rating] of Object.entries(plan.ratings)) {
      const id = currentId(data, "competencies", rated);
      const competency = own(data.competencies, id);
      if (!competency) notes.push(`the competency "${rated}" no longer exists in the guide`);
      else if (rating !== UNSURE && !(rating >= 1 && rating <= competency.steps.length))
        notes.push(`the rating ${rating} of ${competency.name} is outside its scale (1 to ${competency.steps.length})`);
      else result.ratings[id] = rating;
    }
    return { plan: result, notes };
  }

  /* ---------- a plan in a link: after "#", so it never reaches a web server ---------- */

  const SHARED = "shared-plan";

  function planToFragment(plan) {
    const parts = new URLSearchParams();
    parts.set(SHARED, "1");
    if (plan.name) parts.set("name", plan.name);
    if (plan.role) parts.set("role", plan.role);
    if (plan.target) parts.set("target", plan.target);
    const rated = Object.entries(plan.ratings).map(([id, value]) => `${id}:${value === UNSURE ? "?" : value}`);
    if (rated.length) parts.set("rated", rated.join(","));
    return `#${parts}`;
  }

  function planFromParameters(parts) {
    const raw = { name: parts.get("name") || "", role: parts.get("role") || "", target: parts.get("target") || "", ratings: dict() };
    const problems = [];
    for (const pair of (parts.get("rated") || "").split(",").filter(Boolean).slice(0, LIMITS.ratings)) {
      const [id, value] = pair.split(":");
      const rating = value === "?" ? UNSURE : /^\d+$/.test(value || "") ? Number(value) : null;
      if (rating === null) problems.push(`the rating "${pair.slice(0, 40)}" is not a level`);
      else raw.ratings[id] = rating;
    }
    const checked = checkPlan(raw);
    return { plan: checked.value, problems: [...problems, ...checked.problems] };
  }

  /* The plan a page address carries: in its fragment (`#shared-plan=1&role=...`), or, for links
     sent before plans moved there, in its query (`?role=...`), which the page moves into the fragment. */
  function sharedPlanIn(search, hash) {
    const fragment = new URLSearchParams((hash || "").replace(/^#/, ""));
    if (fragment.has(SHARED)) return { ...planFromParameters(fragment), moved: false };
    const query = new URLSearchParams(search || "");
    if (!["role", "target", "rated"].some((name) => query.has(name))) return null;
    const found = planFromParameters(query);
    return { ...found, moved: true, fragment: planToFragment(found.plan) };
  }

  /* ---------- a plan file ---------- */

  function planFile(plan, dataVersion) {
    return JSON.stringify({ format: PLAN_FORMAT, data_version: dataVersion, plan }, null, 2);
  }

  // A plan file read completely: { ok: false, reason } changes nothing; { ok: true, plan, notes }.
  function readPlanFile(text, data) {
    if (typeof text !== "string" || text.length > LIMITS.bytes) return { ok: false, reason: "it is far larger than a plan saved from this guide" };
    let saved;
    try {
      saved = JSON.parse(text);
    } catch {
      return { ok: false, reason: "it is not a plan saved from this guide (it is not JSON)" };
    }
    if (!isRecord(saved) || saved.format !== PLAN_FORMAT) return { ok: false, reason: "it is not a plan saved from this guide" };
    if (!isRecord(saved.plan)) return { ok: false, reason: "it holds no plan" };
    const checked = checkPlan(saved.plan);
    if (checked.problems.length) return { ok: false, reason: `it is damaged: ${checked.problems.join("; ")}` };
    return { ok: true, ...planAgainstData(checked.value, data) };
  }

  /* ---------- what replacing one plan with another changes, in words ---------- */

  const isEmptyPlan = (plan) => !plan.name && !plan.manager && !plan.role && !plan.target && !Object.keys(plan.ratings).length;

  function describeReplacement(current, incoming, data) {
    const title = (id) => (own(data.roles, id) ? own(data.roles, id).title : id || "none");
    const lines = [];
    const fields = [
      ["name", "your name", (value) => value || "(none)"],
      ["manager", "your manager", (value) => value || "(none)"],
      ["role", "your role", title],
      ["target", "the role you are curious about", title],
    ];
    for (const [key, label, shown] of fields) {
      if (current[key] !== incoming[key]) lines.push(`${label}: ${shown(current[key])} → ${shown(incoming[key])}`);
    }
    let changed = 0;
    let added = 0;
    let removed = 0;
    for (const id of new Set([...Object.keys(current.ratings), ...Object.keys(incoming.ratings)])) {
      const before = own(current.ratings, id);
      const after = own(incoming.ratings, id);
      if (before === undefined) added += 1;
      else if (after === undefined) removed += 1;
      else if (before !== after) changed += 1;
    }
    const count = (number, word) => (number ? [`${number} rating${number > 1 ? "s" : ""} ${word}`] : []);
    const ratings = [...count(changed, "changed"), ...count(added, "added"), ...count(removed, "removed")];
    if (ratings.length) lines.push(`your ratings: ${ratings.join(", ")}`);
    return lines;
  }

  /* ---------- "Add to my agenda": the reader's own words stay ---------- */

  /* `current`: the blank's text now; `added`: what the plan put there last time; `next`: what it
     puts there now. The lines it added before and that are still as it wrote them are replaced,
     in place, by the new ones; every other line is the reader's and stays where it is. */
  function mergeAdded(current, added, next) {
    const lines = current ? current.split("\n") : [];
    const ours = new Map();
    for (const line of added ? added.split("\n") : []) ours.set(line, (ours.get(line) || 0) + 1);
    const kept = [];
    let at = -1;
    for (const line of lines) {
      if (ours.get(line)) {
        ours.set(line, ours.get(line) - 1);
        if (at < 0) at = kept.length;
      } else kept.push(line);
    }
    const incoming = next ? next.split("\n") : [];
    if (at < 0) {
      while (kept.length && !kept[kept.length - 1].trim()) kept.pop();
      at = kept.length;
      if (kept.length && incoming.length) incoming.unshift("");
    }
    kept.splice(at, 0, ...incoming);
    return kept.join("\n");
  }

  /* ---------- what the company offers for a gap, and a manager's questions ---------- */

  // An opportunity is meant for a role when it names the role or its family, or names neither.
  function meantFor(entry, role) {
    const roles = entry.roles || [];
    const families = entry.families || [];
    return (!roles.length && !families.length) || roles.includes(role.id) || families.includes(role.family);
  }

  /* The company's opportunities that develop `competencyId`, for someone aiming at role `targetId`
     (openings only for that role itself, and listed first). */
  function offersFor(data, competencyId, targetId) {
    const target = own(data.roles, targetId);
    if (!target) return [];
    const found = (data.opportunities || []).filter((entry) =>
      entry.kind === "opening"
        ? entry.role === targetId
        : (entry.competencies || []).includes(competencyId) && meantFor(entry, { id: targetId, family: target.family }),
    );
    return [...found.filter((entry) => entry.kind === "opening"), ...found.filter((entry) => entry.kind !== "opening")];
  }

  // The request an opportunity lets the employee make, in words for the agenda.
  const requestFor = (entry) =>
    entry.kind === "opening"
      ? `ask about the open ${entry.title} role${entry.contact ? ` (contact ${entry.contact})` : ""}`
      : `ask to join "${entry.title}" (${entry.kind})${entry.contact ? `, contact ${entry.contact}` : ""}`;

  // The ways to grow into step `rank` of a competency, as the data file has them (only for the steps that have some).
  const waysToGrow = (data, competencyId, rank) => {
    const ways = own(own(own(data.competencies, competencyId), "development"), String(rank));
    return Array.isArray(ways) ? ways : [];
  };

  /* The requests "Add to my agenda" writes for the gaps `rows` ({ id, expected }, biggest first) on the
     way to role `targetId`: for each gap at most `perGap`, the company's offers first, then the
     competency's ways to grow at the expected step; then, once, the role's own development requests,
     which are the same whatever the gap. A request already written is not written again. */
  function gapRequests(data, rows, targetId, { perGap = 3, offers = 2, forRole = 3 } = {}) {
    const written = new Set();
    const pick = (candidates, limit) => {
      const picked = [];
      for (const text of candidates) {
        if (picked.length >= limit) break;
        if (written.has(text)) continue;
        written.add(text);
        picked.push(text);
      }
      return picked;
    };
    const gaps = rows.map((row) => ({
      id: row.id,
      requests: pick([...offersFor(data, row.id, targetId).slice(0, offers).map(requestFor), ...waysToGrow(data, row.id, row.expected)], perGap),
    }));
    const target = own(data.roles, targetId);
    return { gaps, role: pick(target && Array.isArray(target.development) ? target.development : [], forRole) };
  }

  /* The questions a manager asks that fit this plan: those for everyone, those for the target's
     family or role, and those about a competency with a gap, in the data's order. */
  function managerQuestions(data, plan, gapIds) {
    const target = own(data.roles, plan.target);
    return (data.questions || []).filter((question) => {
      if (question.audience !== "manager") return false;
      const aimed = (question.families || []).length || (question.roles || []).length;
      const fits = target && ((question.families || []).includes(target.family) || (question.roles || []).includes(plan.target));
      const about = (question.competencies || []).length;
      const gap = (question.competencies || []).some((id) => gapIds.includes(id));
      return about ? gap : aimed ? fits : true;
    });
  }

  /* ---------- routes: breadth first over the moves (macros/model/routes.py is the reference) ---------- */

  function shortestRoutes(data, source, target, limit = ROUTE_LIMIT) {
    if (source === target || !own(data.roles, source) || !own(data.roles, target)) return [];
    const distance = new Map([[source, 0]]);
    const before = new Map();
    const queue = [source];
    for (let head = 0; head < queue.length; head += 1) {
      const current = queue[head];
      for (const [kind, next] of own(data.roles, current).moves) {
        if (!own(data.roles, next)) continue;
        if (!distance.has(next)) {
          distance.set(next, distance.get(current) + 1);
          queue.push(next);
        }
        if (distance.get(next) === distance.get(current) + 1) {
          if (!before.has(next)) before.set(next, []);
          before.get(next).push([kind, current]);
        }
      }
    }
    if (!before.has(target)) return [];
    const routesTo = (id) => {
      if (id === source) return [[]];
      const found = [];
      for (const [kind, previous] of before.get(id)) {
        for (const route of routesTo(previous)) {
          found.push([...route, [kind, id]]);
          if (found.length >= limit) return found;
        }
      }
      return found;
    };
    return routesTo(target).slice(0, limit);
  }

  return Object.freeze({
    PREFIX,
    STORAGE_VERSION,
    PLAN_FORMAT,
    UNSURE,
    LIMITS,
    KEYS,
    dict,
    own,
    kindOf,
    checkPlan,
    checkTexts,
    migrateStorage,
    isoDate,
    longDate,
    readableDate,
    fillBlanks,
    checkInDay,
    checkInSentence,
    LEFT_OUT,
    withoutEmptyOptional,
    emptyPlan,
    isEmptyPlan,
    createStore,
    writeFailure,
    planAgainstData,
    planToFragment,
    sharedPlanIn,
    planFile,
    readPlanFile,
    describeReplacement,
    mergeAdded,
    offersFor,
    requestFor,
    waysToGrow,
    gapRequests,
    managerQuestions,
    shortestRoutes,
  });
});
