/*
 * Career Guide in the browser: "My plan" (/plan/).
 *
 * Reads the data file the build writes once (assets/career-data.json: roles,
 * competencies, moves) and works out, for the role the reader holds and one
 * they are curious about: a self-rating against the competencies, the gaps
 * between the two, and the shortest routes over the moves in the data
 * (guide-core.js, checked against macros/model/routes.py). On a role's
 * worksheet, it shows the ratings given here in the empty "Where I am now".
 *
 * The reader's plan is kept in this browser only, through guide.js's storage
 * layer, keyed by ids from the data, never by position. A link carries a plan
 * after "#", so it never reaches a web server; it opens as someone else's
 * plan, read-only, and becomes the reader's own only when they say so.
 * Nothing replaces or deletes the reader's plan without a question first and
 * an Undo after. Everything the script shows is set as text, never as HTML.
 */
(() => {
  "use strict";

  const core = window.careerGuideCore;
  const { UNSURE, own } = core;

  let data = null; // the data file, loaded once per visit
  let shared = null; // a plan opened from a link: { plan, notes }, shown read-only
  const root = () => document.querySelector("[data-cg-plan]");
  const guide = () => window.careerGuide;
  const planKey = `${core.PREFIX}plan`;
  // The blanks of every template and worksheet that the plan's "About me" fills, and those "Add to my agenda" fills.
  const NAME_BLANKS = { name: "Your Name", manager: "Manager's Name" };
  const AGENDA_BLANKS = { interests: "Career Interests", goals: "Development Goals" };
  // How long the reader pauses before the count of ratings is said: arrow keys through the levels change it at every press.
  const SAY_AFTER_MS = 1000;

  /* ---------- the plan ---------- */

  // The reader's own plan, as the current data reads it.
  const ownPlan = () => core.planAgainstData(guide().store.read(planKey), data).plan;
  const shownPlan = () => (shared ? shared.plan : ownPlan());

  // Keep `plan` as the reader's; the names fill the same blanks in every template and worksheet.
  function savePlan(plan) {
    const kept = guide().store.write(planKey, plan);
    if (!kept.ok) return kept;
    for (const [field, blank] of Object.entries(NAME_BLANKS)) {
      // A plan without a name keeps the name typed elsewhere.
      if (plan[field]) {
        const named = guide().rememberShared(blank, plan[field]);
        if (!named.ok) return named;
      }
    }
    return kept;
  }

  /* ---------- small DOM helpers: text only ---------- */

  function element(tag, text, attributes = {}) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  }

  function button(text, onClick, primary = false) {
    const node = element("button", text, { type: "button", class: primary ? "md-button md-button--primary" : "md-button" });
    node.addEventListener("click", onClick);
    return node;
  }

  function siteLink(path, text) {
    const base = new URL(root().dataset.cgPlan, window.location.href); // .../assets/career-data.json
    const target = new URL(`../${path}`, base);
    return element("a", text, { href: target.pathname + target.hash });
  }

  const part = (name) => root().querySelector(`[data-cg-plan-part="${name}"]`);
  const parts = (name) => root().querySelectorAll(`[data-cg-plan-part="${name}"]`);
  const role = (id) => own(data.roles, id);
  const competency = (id) => own(data.competencies, id);
  const roleName = (id) => (role(id) ? role(id).title : id);
  const stepName = (id, rank) => (rank === UNSURE ? "Not sure" : (competency(id) && competency(id).steps[rank - 1]) || "Not asked for");

  // The status line nearest to where the person acted: the first one beside it or beside one of its containers.
  function statusNear(control) {
    for (let box = control; box && box !== document.body; box = box.parentElement) {
      const status = box.querySelector(':scope > [role="status"]');
      if (status && !status.closest("[hidden]")) return status;
    }
    return part("status");
  }

  function announce(message, control = null, { sticky = false } = {}) {
    const status = statusNear(control);
    status.replaceChildren(message);
    clearTimeout(status.cgTimer);
    if (!sticky) status.cgTimer = setTimeout(() => status.replaceChildren(), 10000);
    // An answer to a button is shown where the person is looking: on a phone it can be below the screen.
    if (control) status.scrollIntoView({ block: "nearest" });
    return status;
  }

  // A message with an Undo button, which gives back what `snapshot` holds.
  function announceWithUndo(message, control, snapshot, undone) {
    const status = announce(message, control, { sticky: true });
    status.append(
      " ",
      button("Undo", () => {
        const restored = guide().store.restore(snapshot);
        render();
        if (restored.ok) announce(undone, control);
        else announce(`Could not undo: ${core.writeFailure(restored)}.`, control, { sticky: true });
      }),
    );
    // The button may take a line of its own: the whole answer stays in sight.
    if (control) status.scrollIntoView({ block: "nearest" });
  }

  /* A question asked in the page, next to where the person acted: `choices` are [label, action]
     pairs; the first is the safe one. Nothing happens until one is chosen. */
  let openQuestion = null;
  function ask(control, question, lines, choices) {
    const host = control.closest("p, div");
    if (openQuestion) openQuestion.remove();
    const box = element("div", "", { class: "cg-decision", role: "group", "aria-label": question });
    box.append(element("p", question, { class: "cg-decision__question" }));
    if (lines.length) {
      const list = element("ul");
      for (const line of lines) list.append(element("li", line));
      box.append(list);
    }
    const row = element("p", "", { class: "cg-plan__actions" });
    choices.forEach(([label, action], index) =>
      row.append(
        button(
          label,
          () => {
            box.remove();
            action();
            control.focus();
          },
          index === choices.length - 1,
        ),
      ),
    );
    box.append(row);
    host.after(box);
    openQuestion = box;
    row.querySelector("button").focus();
  }

  /* ---------- routes and gaps ---------- */

  function competenciesOf(plan) {
    const ids = [];
    for (const roleId of [plan.role, plan.target]) {
      if (role(roleId)) ids.push(...Object.keys(role(roleId).skills));
    }
    return [...new Set(ids)].filter(competency);
  }

  function gaps(plan) {
    const mine = role(plan.role);
    return Object.entries(role(plan.target).skills)
      .filter(([id]) => competency(id))
      .map(([id, expected]) => {
        const rated = own(plan.ratings, id);
        const current = Number.isInteger(rated) ? rated : (mine && own(mine.skills, id)) || 0;
        return { id, current, rated: Number.isInteger(rated), unsure: rated === UNSURE, expected, gap: expected - current };
      })
      .sort((a, b) => b.gap - a.gap || competency(a.id).name.localeCompare(competency(b.id).name));
  }

  /* ---------- what the page shows ---------- */

  function renderShared() {
    const box = part("shared");
    box.hidden = !shared;
    for (const mine of parts("own")) mine.hidden = Boolean(shared);
    box.replaceChildren();
    if (!shared) return;
    const whose = shared.plan.name ? `${shared.plan.name}'s plan` : "A plan shared with you";
    box.append(element("p", whose, { class: "cg-plan__shared-title" }));
    box.append(
      element(
        "p",
        "Opened from a link, read-only: their role, the role they are curious about, their own ratings, the gaps and the routes. Nothing on this page changes your own plan.",
      ),
    );
    if (shared.notes.length) {
      box.append(element("p", "Some of what this link says is not in the guide any more, and is left out:"));
      const list = element("ul");
      for (const note of shared.notes) list.append(element("li", note));
      box.append(list);
    }
    const actions = element("p", "", { class: "cg-plan__actions" });
    actions.append(button("Make this my plan", (event) => adoptShared(event.currentTarget)), button("Back to my own plan", () => leaveShared()));
    box.append(actions, element("p", "", { class: "cg-status", role: "status", "aria-live": "polite" }));
  }

  // What the plan's role expects of a competency (or else the role of interest): the level to rate oneself against.
  function expectation(plan, id) {
    for (const roleId of [plan.role, plan.target]) {
      const rank = role(roleId) && own(role(roleId).skills, id);
      if (rank) return `${roleName(roleId)} expects ${stepName(id, rank)}`;
    }
    return "";
  }

  // How many of the competencies shown are rated ("Not sure" is an answer too), shown at once.
  function renderProgress(plan, ids) {
    const rated = ids.filter((id) => own(plan.ratings, id) !== undefined).length;
    part("progress").textContent = ids.length ? `${rated} of ${ids.length} rated` : "";
  }

  // The count said politely, once the reader pauses, and then taken away like any other status.
  function sayProgress() {
    const said = part("progress-said");
    clearTimeout(said.cgTimer);
    said.cgTimer = setTimeout(() => {
      said.textContent = part("progress").textContent;
      said.cgTimer = setTimeout(() => said.replaceChildren(), 10000);
    }, SAY_AFTER_MS);
  }

  function renderRating(plan) {
    const box = part("rating");
    box.replaceChildren();
    const ids = competenciesOf(plan);
    renderProgress(plan, ids);
    if (!ids.length) {
      box.append(element("p", shared ? "This plan names no role." : "Choose your role to rate yourself against its competencies."));
      return;
    }
    if (!shared) box.append(element("p", "For each competency, choose the level that describes you today. Each level says what it looks like.", { class: "cg-screen-only" }));
    for (const id of ids) {
      const skill = competency(id);
      const set = element("fieldset", "", { class: "cg-plan__rate" });
      const legend = element("legend");
      legend.append(siteLink(skill.url, skill.name));
      set.append(legend);
      const expected = expectation(plan, id);
      if (expected) {
        set.append(element("p", expected, { class: "cg-plan__expected", id: `cg-expected-${id}` }));
        set.setAttribute("aria-describedby", `cg-expected-${id}`);
      }
      const choices = [...skill.steps.map((step, index) => [index + 1, step, skill.levels[index]]), [UNSURE, "Not sure", ""]];
      for (const [value, step, text] of choices) {
        const inputId = `cg-rate-${id}-${value}`;
        const input = element("input", "", { type: "radio", name: `cg-rate-${id}`, id: inputId, value: String(value) });
        input.checked = own(plan.ratings, id) === value;
        input.disabled = Boolean(shared);
        const label = element("label", "", { for: inputId });
        label.append(element("strong", step));
        if (text) label.append(document.createTextNode(`: ${text}`));
        const choice = element("div", "", { class: "cg-plan__choice" });
        choice.append(input, label);
        set.append(choice);
      }
      box.append(set);
    }
    box.append(element("p", "", { class: "cg-status", role: "status", "aria-live": "polite" }));
  }

  // Empty `box`; when the plan lacks either role, say so in it and return false.
  function startWithBothRoles(box, plan, message) {
    box.replaceChildren();
    if (role(plan.role) && role(plan.target)) return true;
    box.append(element("p", message));
    return false;
  }

  function renderCompare(plan) {
    const box = part("compare");
    if (!startWithBothRoles(box, plan, "Choose your role and a role you are curious about to compare them.")) return;
    const target = role(plan.target);
    const rater = shared ? "their own rating" : "your own rating";
    box.append(element("p", `${roleName(plan.role)} (or ${rater}, where given) against what ${target.title} expects, biggest gaps first.`));
    const table = element("table", "", { class: "cg-plan__compare" });
    const head = element("tr");
    // Beside each gap, the first ways to grow into the expected step, where the competency writes some.
    const rows = gaps(plan).map((row) => ({ ...row, ways: row.gap > 0 ? core.waysToGrow(data, row.id, row.expected).slice(0, 2) : [] }));
    const gapTitle = rows.some((row) => row.ways.length) ? "Gap, and ways to grow" : "Gap";
    for (const title of ["Competency", shared ? "Where they are" : "Where I am", `${target.title} expects`, gapTitle]) head.append(element("th", title, { scope: "col" }));
    table.append(element("thead"), element("tbody"));
    table.tHead.append(head);
    for (const row of rows) {
      const tr = element("tr");
      const name = element("th", "", { scope: "row" });
      name.append(siteLink(competency(row.id).url, competency(row.id).name));
      const where = row.unsure ? "Not sure" : `${stepName(row.id, row.current)}${row.rated ? (shared ? " (their rating)" : " (my rating)") : ""}`;
      const gap = row.gap > 0 ? `${row.gap} level${row.gap > 1 ? "s" : ""} to grow` : "None";
      const gapCell = element("td", gap);
      if (row.ways.length) {
        const list = element("ul", "", { class: "cg-plan__grow" });
        for (const way of row.ways) list.append(element("li", way));
        gapCell.append(list);
      }
      tr.append(name, element("td", where), element("td", stepName(row.id, row.expected)), gapCell);
      table.tBodies[0].append(tr);
    }
    box.append(table);
    renderOffers(box, plan);
    if (target.development) {
      const more = element("p");
      more.append("What to ask for: ", siteLink(`${target.url}#development-requests`, `development requests for ${target.title}`), ".");
      box.append(more);
    }
  }

  // For each gap, what the company offers to close it: the requests the employee can make.
  function renderOffers(box, plan) {
    const withOffers = gaps(plan)
      .filter((row) => row.gap > 0)
      .map((row) => [row, core.offersFor(data, row.id, plan.target)])
      .filter(([, offers]) => offers.length);
    if (!withOffers.length) return;
    box.append(element("p", "What the company offers for these gaps:", { class: "cg-plan__offers-intro" }));
    const list = element("ul", "", { class: "cg-plan__offers" });
    for (const [row, offers] of withOffers) {
      const item = element("li");
      item.append(element("strong", competency(row.id).name), ": ");
      offers.forEach((entry, index) => {
        if (index) item.append("; ");
        item.append(siteLink(entry.url, entry.title), ` (${entry.kind === "opening" ? "open now" : entry.kind})`);
      });
      list.append(item);
    }
    box.append(list);
  }

  // The manager's side of a shared plan: questions that fit the employee's aim and gaps.
  function renderForManager(plan) {
    const box = part("manager");
    box.replaceChildren();
    box.hidden = !shared;
    if (!shared || !role(plan.target)) return;
    const gapIds = role(plan.role) ? gaps(plan).filter((row) => row.gap > 0).map((row) => row.id) : [];
    const questions = core.managerQuestions(data, plan, gapIds);
    const whose = plan.name || "the employee";
    box.append(element("p", `For the conversation with ${whose}`, { class: "cg-plan__shared-title" }));
    box.append(
      element(
        "p",
        "Questions you could ask, chosen for their aim and their biggest gaps. Listen more than you talk; see the managers' part of the guide for the rest.",
      ),
    );
    if (questions.length) {
      const list = element("ol", "", { class: "cg-plan__questions" });
      for (const question of questions) list.append(element("li", question.text));
      box.append(list);
    }
  }

  function renderRoutes(plan) {
    const box = part("routes");
    if (!startWithBothRoles(box, plan, "Choose both roles to see the routes between them.")) return;
    if (plan.role === plan.target) {
      box.append(element("p", "That is the same role: choose another one to see how to get there."));
      return;
    }
    const routes = core.shortestRoutes(data, plan.role, plan.target);
    if (!routes.length) {
      box.append(element("p", `No route from ${roleName(plan.role)} to ${roleName(plan.target)} is recorded in the guide: no chain of step-up and lateral moves leads there.`));
      const leading = Object.entries(data.roles).filter(([, other]) => other.moves.some(([, target]) => target === plan.target));
      if (leading.length) {
        const list = element("ul");
        for (const [, other] of leading) {
          const item = element("li");
          item.append(siteLink(other.url, other.title), ` (${own(data.families, other.family).name}) leads there directly`);
          list.append(item);
        }
        box.append(element("p", "Roles that do lead there, to talk about in the conversation:"), list);
      }
      return;
    }
    const moves = routes[0].length;
    box.append(element("p", `${routes.length > 1 ? `${routes.length} shortest routes` : "The shortest route"}: ${moves} move${moves > 1 ? "s" : ""}.`));
    for (const route of routes) {
      const list = element("ol", "", { class: "cg-plan__route" });
      let from = plan.role;
      for (const [kind, id] of route) {
        const step = role(id);
        const changes = Object.entries(step.skills).filter(([skill, rank]) => (own(role(from).skills, skill) || 0) < rank).length;
        const item = element("li");
        item.append(
          `${kind === "next" ? "Step up" : "Lateral move"} to `,
          siteLink(step.url, step.title),
          ` (${own(data.families, step.family).name}, ${step.level}): ${changes} competenc${changes === 1 ? "y" : "ies"} new or raised.`,
        );
        list.append(item);
        from = id;
      }
      box.append(list);
    }
  }

  function render() {
    const plan = shownPlan();
    renderShared();
    for (const field of root().querySelectorAll("[data-cg-plan-field]")) {
      field.value = plan[field.dataset.cgPlanField] || "";
      field.disabled = Boolean(shared);
    }
    root().classList.toggle("cg-plan--shared", Boolean(shared));
    renderRating(plan);
    renderCompare(plan);
    renderForManager(plan);
    renderRoutes(plan);
    part("version").textContent = `${data.company} career data, version ${data.version}; printed ${new Date().toISOString().slice(0, 10)}.`;
  }

  /* ---------- a shared plan: read-only until the reader makes it theirs ---------- */

  function openShared() {
    const found = core.sharedPlanIn(window.location.search, window.location.hash);
    if (!found) {
      shared = null;
      return;
    }
    // Links sent before plans moved after "#": the page moves their data there, out of the address the server sees.
    if (found.moved) window.history.replaceState(window.history.state, "", `${window.location.pathname}${found.fragment}`);
    const checked = core.planAgainstData(found.plan, data);
    shared = { plan: checked.plan, notes: [...found.problems, ...checked.notes] };
  }

  function leaveShared() {
    shared = null;
    window.history.replaceState(window.history.state, "", window.location.pathname);
    render();
    part("rating").scrollIntoView({ block: "nearest" });
  }

  function adoptShared(control) {
    const mine = ownPlan();
    // Roles and ratings come from the link; the names stay the reader's own, unless they have none.
    const theirs = { ...shared.plan, name: mine.name || shared.plan.name, manager: mine.manager };
    const replace = () => {
      const before = guide().store.snapshot();
      const kept = savePlan(theirs);
      if (!kept.ok) return announce(`Your plan was not changed: ${core.writeFailure(kept)}.`, control, { sticky: true });
      leaveShared();
      announceWithUndo("This is now your plan.", part("status"), before, "Your own plan is back.");
    };
    if (core.isEmptyPlan(mine)) return replace();
    ask(control, "Replace your own plan with this one?", core.describeReplacement(mine, theirs, data), [
      ["Keep my plan", () => announce("Your plan is unchanged.", control)],
      ["Replace my plan", replace],
    ]);
  }

  /* ---------- what the reader does ---------- */

  function update(change, control) {
    const kept = savePlan({ ...ownPlan(), ...change });
    render();
    if (!kept.ok) announce(guide().unkeptMessage(kept, "Your plan"), document.getElementById(control.id) || root(), { sticky: true });
  }

  document.addEventListener("change", (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || !root() || !root().contains(target) || !data || shared) return;
    if (target.matches("[data-cg-plan-field]")) {
      update({ [target.dataset.cgPlanField]: target.value.trim() }, target);
      if (target.tagName === "SELECT") sayProgress(); // another role: other competencies to rate
    } else if (target.matches('input[type="radio"][name^="cg-rate-"]')) {
      const plan = ownPlan();
      plan.ratings[target.name.slice("cg-rate-".length)] = target.value === UNSURE ? UNSURE : Number.parseInt(target.value, 10);
      update({ ratings: plan.ratings }, target);
      document.getElementById(target.id)?.focus();
      sayProgress();
    } else if (target.matches('[data-cg-action="import-plan"]')) {
      importPlan(target);
    }
  });

  document.addEventListener("input", (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || !target.matches("input[data-cg-plan-field]") || !data || shared) return;
    const name = target.dataset.cgPlanField;
    const value = target.value.trim();
    const kept = guide().store.write(planKey, { ...ownPlan(), [name]: value });
    const named = kept.ok ? guide().rememberShared(own(NAME_BLANKS, name), value) : kept;
    if (!named.ok) announce(guide().unkeptMessage(named, "Your plan"), target, { sticky: true });
  });

  async function importPlan(input) {
    const [file] = input.files;
    input.value = "";
    if (!file) return;
    const control = root().querySelector('label[for="cg-plan-import"]') || input;
    const refuse = (why) => announce(`${file.name} was not opened, and nothing was changed: ${why}. Choose a file made with "Download my plan".`, control, { sticky: true });
    if (file.size > core.LIMITS.bytes) return refuse("it is far larger than a plan saved from this guide");
    let text;
    try {
      text = await file.text();
    } catch {
      return refuse("the browser could not read it");
    }
    const opened = core.readPlanFile(text, data);
    if (!opened.ok) return refuse(opened.reason);
    const mine = ownPlan();
    const notes = opened.notes.length ? ` Left out, as the guide no longer has them: ${opened.notes.join("; ")}.` : "";
    const replace = () => {
      const before = guide().store.snapshot();
      const kept = savePlan(opened.plan);
      if (!kept.ok) return announce(`${file.name} was not opened, and nothing was changed: ${core.writeFailure(kept)}.`, control, { sticky: true });
      render();
      announceWithUndo(`Opened the plan saved in ${file.name}.${notes}`, control, before, "Your plan is as it was before you opened the file.");
    };
    const changes = core.describeReplacement(mine, opened.plan, data);
    if (core.isEmptyPlan(mine) || !changes.length) return replace();
    ask(control, `Replace your plan with the one in ${file.name}?`, [...changes, ...(notes ? [notes.trim()] : [])], [
      ["Keep my plan", () => announce(`${file.name} was not opened; your plan is unchanged.`, control)],
      ["Replace my plan", replace],
    ]);
  }

  // "Add to my agenda": the lines the plan adds, merged with what the reader wrote in those blanks.
  function addToAgenda(control) {
    const plan = ownPlan();
    if (!role(plan.role) || !role(plan.target)) return announce("Choose your role and a role you are curious about first.", control);
    const target = role(plan.target);
    const biggest = gaps(plan).filter((row) => row.gap > 0).slice(0, 3);
    const names = biggest.map((row) => competency(row.id).name);
    const asked = data.questions.filter(
      (question) => question.audience !== "manager" && question.competencies.some((id) => biggest.some((row) => row.id === id)),
    );
    const step = (row, rank) => (rank ? stepName(row.id, rank) : "not yet");
    // One line for each gap and each question: the agenda and the worksheet take answers of several lines.
    // Each gap, then the concrete requests the employee can make for it (the company's offers, then the
    // competency's ways to grow); then, once, the requests the role itself lists, whatever the gap.
    const requested = core.gapRequests(data, biggest, plan.target);
    const request = (text) => `  Request: ${text}`;
    const goals = [
      biggest.length ? `To grow towards ${target.title}:` : `To keep growing towards ${target.title}.`,
      ...biggest.flatMap((row, index) => [
        `- ${competency(row.id).name}: from ${step(row, row.current)} to ${step(row, row.expected)}`,
        ...requested.gaps[index].requests.map(request),
      ]),
      ...(requested.role.length ? [`- Development requests for ${target.title}:`, ...requested.role.map(request)] : []),
    ];
    const store = guide().store;
    const blanks = store.read(`${core.PREFIX}placeholders`);
    // A blank inside a question ("[skill]") takes what the reader wrote under that name elsewhere.
    const questions = asked.length ? ["Questions for you:", ...asked.map((question) => `- ${core.fillBlanks(question.text, blanks)}`)] : [];
    const additions = [
      [AGENDA_BLANKS.interests, `${target.title} (${own(data.families, target.family).name})`],
      [AGENDA_BLANKS.goals, [...goals, ...questions].join("\n")],
    ];
    const before = store.snapshot([`${core.PREFIX}placeholders`, `${core.PREFIX}added`]);
    const added = store.read(`${core.PREFIX}added`);
    for (const [blank, lines] of additions) {
      const key = blank.toLowerCase();
      blanks[key] = core.mergeAdded(own(blanks, key) || "", own(added, key) || "", lines);
      added[key] = lines;
    }
    const kept = store.write(`${core.PREFIX}placeholders`, blanks);
    const noted = kept.ok ? store.write(`${core.PREFIX}added`, added) : kept;
    if (!kept.ok || !noted.ok) {
      store.restore(before);
      return announce(`Nothing was added: ${core.writeFailure(noted)}.`, control, { sticky: true });
    }
    announceWithUndo(
      `Added to your agenda and preparation worksheet: ${target.title}${names.length ? `, and your biggest gaps: ${names.join(", ")}` : ""}. What you wrote there yourself stays.`,
      control,
      before,
      "Your agenda is as it was.",
    );
  }

  function downloadPlan(plan) {
    const body = core.planFile(plan, data.version);
    const link = element("a", "", { href: URL.createObjectURL(new Blob([body], { type: "application/json" })), download: "my-career-plan.json" });
    document.body.append(link);
    link.click();
    link.remove();
  }

  // "Forget me": say what goes, offer the plan as a file first, delete only when asked, and keep an Undo while the page is open.
  function forget(control) {
    const store = guide().store;
    const plan = ownPlan();
    const keys = store.keys();
    const pages = keys.filter((key) => key.startsWith(`${core.PREFIX}worksheet:`)).length;
    const names = Object.keys(store.read(`${core.PREFIX}placeholders`)).length;
    const lines = [];
    if (!core.isEmptyPlan(plan)) {
      const rated = Object.keys(plan.ratings).length;
      const roles = [plan.role, plan.target].filter(role).map(roleName);
      lines.push(`your plan${roles.length ? ` (${roles.join(", ")})` : ""}, with ${rated} rating${rated === 1 ? "" : "s"}`);
    }
    if (pages) lines.push(`your answers on ${pages} worksheet${pages === 1 ? "" : "s"}`);
    if (names) lines.push(`${names} name${names === 1 ? "" : "s"} and blank${names === 1 ? "" : "s"} you filled in the messages`);
    if (!lines.length) return announce("This guide keeps nothing of yours in this browser.", control);
    const choices = [["Keep everything", () => announce("Nothing was deleted.", control)]];
    if (!core.isEmptyPlan(plan)) choices.push(["Download my plan first", () => (downloadPlan(plan), forget(control))]);
    choices.push([
      "Delete everything",
      () => {
        const before = store.snapshot();
        const failed = keys.map((key) => store.remove(key)).find((result) => !result.ok);
        render();
        if (failed) return announce(`Not everything could be deleted: ${core.writeFailure(failed)}.`, control, { sticky: true });
        announceWithUndo(
          "Everything this guide kept in this browser is deleted: your plan, answers and names.",
          control,
          before,
          "Everything is back as it was.",
        );
      },
    ]);
    ask(control, "Delete everything this guide keeps in this browser?", lines, choices);
  }

  document.addEventListener("click", (event) => {
    const control = event.target instanceof Element && event.target.closest("[data-cg-action]");
    if (!control || !root() || !root().contains(control) || !data) return;
    switch (control.dataset.cgAction) {
      case "copy-link": {
        const link = `${window.location.origin}${window.location.pathname}${core.planToFragment(ownPlan())}`;
        return void guide()
          .copyText(link)
          .then(
            () => announce("Link copied. It opens your name, roles and ratings, read-only, for your manager; your answers stay here.", control),
            () => announce(`Copy this link by hand: ${link}`, control, { sticky: true }),
          );
      }
      case "to-agenda":
        return addToAgenda(control);
      case "export-plan":
        downloadPlan(ownPlan());
        return announce('Your plan is downloaded as my-career-plan.json: open it on another computer with "Open a saved plan".', control);
      case "forget":
        return forget(control);
    }
  });

  /* ---------- a role's worksheet: where I am now, as rated in My plan ---------- */

  /* An empty "Where I am now" shows the rating given in My plan, whatever role the plan is for: a
     rating describes the reader, not a role. It is the page's own value (its default), so it prints
     and downloads with the answers, yet guide.js keeps it as an answer only once the reader changes
     it, and never puts it over what they typed: a later rating in the plan shows on the next visit. */
  function suggestRatings() {
    const fields = [...document.querySelectorAll("[data-cg-plan-rating]")];
    if (!fields.length) return;
    // The page's competencies as the data file would give them, so that the plan is read as on its own
    // page: ratings kept under a competency's old id followed, and ratings outside its scale left out.
    const known = { roles: core.dict(), competencies: core.dict(), renamed: { competencies: core.dict() } };
    const shown = fields.map((field) => {
      const [id, ...before] = field.dataset.cgPlanRating.split(" ");
      const steps = JSON.parse(field.dataset.cgPlanSteps);
      known.competencies[id] = { steps };
      for (const old of before) known.renamed.competencies[old] = id;
      return { field, id, steps };
    });
    const { ratings } = core.planAgainstData(guide().store.read(planKey), known).plan;
    for (const { field, id, steps } of shown) {
      const rating = own(ratings, id);
      if (rating === undefined || field.value) continue;
      field.defaultValue = `${rating === UNSURE ? "Not sure" : steps[rating - 1]} (from My plan)`;
      field.value = field.defaultValue;
      field.classList.remove("cg-empty");
    }
  }

  // What was typed or chosen in "About me" before this script ran (the fields show first on a slow network).
  function typedEarly(box) {
    const early = {};
    for (const field of box.querySelectorAll("[data-cg-plan-field]")) {
      if (field.value.trim()) early[field.dataset.cgPlanField] = field.value.trim();
    }
    return early;
  }

  async function setUp() {
    suggestRatings();
    const box = root();
    if (!box) return;
    let early = {};
    if (!data) {
      early = typedEarly(box);
      // Nothing can be kept until the data is in: the fields wait rather than take what would be lost.
      for (const field of box.querySelectorAll("[data-cg-plan-field]")) field.disabled = true;
      try {
        const response = await fetch(box.dataset.cgPlan);
        if (!response.ok) throw new Error(String(response.status));
        data = await response.json();
      } catch {
        announce("The guide's data could not be loaded: reload the page to try again.", null, { sticky: true });
        return;
      }
    }
    openShared();
    // Typed before the page was ready: the reader's own, kept (a shared plan is only read, and theirs waits below it).
    if (Object.keys(early).length && !shared) update(early, box);
    else render();
  }

  // A shared link opened on the plan page itself (pasted into the address bar) changes only the fragment.
  window.addEventListener("hashchange", () => {
    if (root() && data) setUp();
  });

  guide().onEveryPage(setUp);
})();
