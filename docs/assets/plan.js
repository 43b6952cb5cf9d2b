/*
 * Career Guide in the browser: "My plan" (/plan/).
 *
 * Reads the data file the build writes once (assets/career-data.json: roles,
 * competencies, moves) and works out, for the role the reader holds and one
 * they are curious about: a self-rating against the competencies, the gaps
 * between the two, and the shortest routes over the moves in the data (the
 * same rules as macros/routes.py, the tested reference).
 *
 * The reader's plan is kept in this browser only, through guide.js's storage
 * (window.careerGuide), keyed by ids from the data, never by position: when
 * HR edits the data, a rating stays with its competency. A link carries the
 * roles and ratings in its address, so a manager opens the same comparison.
 * Everything the script shows is set as text, never as HTML.
 */
(() => {
  "use strict";

  const PLAN_FORMAT = "career-guide-plan/1";
  const UNSURE = "unsure";
  const ROUTE_LIMIT = 3;

  let data = null; // the data file, loaded once per visit
  const root = () => document.querySelector("[data-cg-plan]");
  const guide = () => window.careerGuide;
  const planKey = () => `${guide().PREFIX}plan`;

  /* ---------- the plan: stored, or carried by a link ---------- */

  function emptyPlan() {
    return { name: "", manager: "", role: "", target: "", ratings: {} };
  }

  // An id the data has renamed since the plan was kept, as it is now.
  const currentId = (kind, id) => (data && data.renamed[kind][id]) || id;

  function clean(plan) {
    const result = emptyPlan();
    if (!plan || typeof plan !== "object") return result;
    for (const key of ["name", "manager", "role", "target"]) {
      if (typeof plan[key] === "string") result[key] = plan[key];
    }
    result.role = currentId("roles", result.role);
    result.target = currentId("roles", result.target);
    if (plan.ratings && typeof plan.ratings === "object") {
      for (const [id, value] of Object.entries(plan.ratings)) {
        if (value === UNSURE || Number.isInteger(value)) result.ratings[currentId("competencies", id)] = value;
      }
    }
    return result;
  }

  function planFromLink() {
    const query = new URLSearchParams(window.location.search);
    if (!query.has("role") && !query.has("target")) return null;
    const plan = emptyPlan();
    plan.role = query.get("role") || "";
    plan.target = query.get("target") || "";
    for (const pair of (query.get("rated") || "").split(",").filter(Boolean)) {
      const [id, value] = pair.split(":");
      plan.ratings[id] = value === "?" ? UNSURE : Number.parseInt(value, 10);
    }
    return clean(plan);
  }

  const readPlan = () => planFromLink() || clean(guide().store.read(planKey()));

  function savePlan(plan) {
    guide().store.write(planKey(), plan);
    // Name and manager fill the same blanks in every template and worksheet.
    guide().rememberShared("Your Name", plan.name);
    guide().rememberShared("Manager's Name", plan.manager);
  }

  function linkTo(plan) {
    const query = new URLSearchParams();
    if (plan.role) query.set("role", plan.role);
    if (plan.target) query.set("target", plan.target);
    const rated = Object.entries(plan.ratings).map(([id, value]) => `${id}:${value === UNSURE ? "?" : value}`);
    if (rated.length) query.set("rated", rated.join(","));
    return `${window.location.origin}${window.location.pathname}?${query}`;
  }

  /* ---------- small DOM helpers: text only ---------- */

  function element(tag, text, attributes = {}) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  }

  function siteLink(path, text) {
    const base = new URL(root().dataset.cgPlan, window.location.href); // .../assets/career-data.json
    return element("a", text, { href: new URL(`../${path}`, base).pathname });
  }

  const part = (name) => root().querySelector(`[data-cg-plan-part="${name}"]`);
  const roleName = (id) => (data.roles[id] ? data.roles[id].title : id);

  function announce(message) {
    part("status").textContent = message;
  }

  /* ---------- routes: breadth first over the moves, as macros/routes.py ---------- */

  function distances(source) {
    const distance = { [source]: 0 };
    const before = {};
    const queue = [source];
    while (queue.length) {
      const current = queue.shift();
      for (const [kind, target] of data.roles[current].moves) {
        if (!(target in distance)) {
          distance[target] = distance[current] + 1;
          queue.push(target);
        }
        if (distance[target] === distance[current] + 1) (before[target] = before[target] || []).push([kind, current]);
      }
    }
    return { distance, before };
  }

  function shortestRoutes(source, target) {
    if (source === target) return [];
    const { before } = distances(source);
    if (!before[target]) return [];
    const routesTo = (id) => {
      if (id === source) return [[]];
      const found = [];
      for (const [kind, previous] of before[id]) {
        for (const route of routesTo(previous)) {
          found.push([...route, [kind, id]]);
          if (found.length >= ROUTE_LIMIT) return found;
        }
      }
      return found;
    };
    return routesTo(target).slice(0, ROUTE_LIMIT);
  }

  /* ---------- what the page shows ---------- */

  function competenciesOf(plan) {
    const ids = [];
    for (const roleId of [plan.role, plan.target]) {
      if (data.roles[roleId]) ids.push(...Object.keys(data.roles[roleId].skills));
    }
    return [...new Set(ids)].filter((id) => data.competencies[id]);
  }

  function renderRating(plan) {
    const box = part("rating");
    box.replaceChildren();
    const ids = competenciesOf(plan);
    if (!ids.length) {
      box.append(element("p", "Choose your role to rate yourself against its competencies."));
      return;
    }
    box.append(element("p", "For each competency, choose the level that describes you today. Each level says what it looks like."));
    for (const id of ids) {
      const competency = data.competencies[id];
      const set = element("fieldset", "", { class: "cg-plan__rate" });
      const legend = element("legend");
      legend.append(siteLink(competency.url, competency.name));
      set.append(legend);
      const choices = [...competency.steps.map((step, index) => [index + 1, step, competency.levels[index]]), [UNSURE, "Not sure", ""]];
      for (const [value, step, text] of choices) {
        const inputId = `cg-rate-${id}-${value}`;
        const input = element("input", "", { type: "radio", name: `cg-rate-${id}`, id: inputId, value: String(value) });
        input.checked = plan.ratings[id] === value;
        const label = element("label", "", { for: inputId });
        label.append(element("strong", step));
        if (text) label.append(document.createTextNode(`: ${text}`));
        const choice = element("div", "", { class: "cg-plan__choice" });
        choice.append(input, label);
        set.append(choice);
      }
      box.append(set);
    }
  }

  function gaps(plan) {
    const mine = data.roles[plan.role];
    const target = data.roles[plan.target];
    return Object.entries(target.skills)
      .filter(([id]) => data.competencies[id])
      .map(([id, expected]) => {
        const rated = plan.ratings[id];
        const current = Number.isInteger(rated) ? rated : (mine && mine.skills[id]) || 0;
        return { id, current, rated: Number.isInteger(rated), unsure: rated === UNSURE, expected, gap: expected - current };
      })
      .sort((a, b) => b.gap - a.gap || data.competencies[a.id].name.localeCompare(data.competencies[b.id].name));
  }

  // Empty `box`; when the plan lacks either role, say so in it and return false.
  function startWithBothRoles(box, plan, message) {
    box.replaceChildren();
    if (data.roles[plan.role] && data.roles[plan.target]) return true;
    box.append(element("p", message));
    return false;
  }

  function renderCompare(plan) {
    const box = part("compare");
    if (!startWithBothRoles(box, plan, "Choose your role and a role you are curious about to compare them.")) return;
    const target = data.roles[plan.target];
    box.append(element("p", `${roleName(plan.role)} (or your own rating, where you gave one) against what ${target.title} expects, biggest gaps first.`));
    const table = element("table", "", { class: "cg-plan__compare" });
    const head = element("tr");
    for (const title of ["Competency", "Where I am", `${target.title} expects`, "Gap"]) head.append(element("th", title, { scope: "col" }));
    table.append(element("thead"), element("tbody"));
    table.tHead.append(head);
    for (const row of gaps(plan)) {
      const competency = data.competencies[row.id];
      const stepName = (rank) => (rank ? competency.steps[rank - 1] : "Not asked for");
      const tr = element("tr");
      const name = element("th", "", { scope: "row" });
      name.append(siteLink(competency.url, competency.name));
      const where = row.unsure ? "Not sure" : `${stepName(row.current)}${row.rated ? " (my rating)" : ""}`;
      const gap = row.gap > 0 ? `${row.gap} level${row.gap > 1 ? "s" : ""} to grow` : "None";
      tr.append(name, element("td", where), element("td", stepName(row.expected)), element("td", gap));
      table.tBodies[0].append(tr);
    }
    box.append(table);
    if (target.development) {
      const more = element("p");
      more.append("What to ask for: ", siteLink(`${target.url}#development-requests`, `development requests for ${target.title}`), ".");
      box.append(more);
    }
  }

  function renderRoutes(plan) {
    const box = part("routes");
    if (!startWithBothRoles(box, plan, "Choose both roles to see the routes between them.")) return;
    if (plan.role === plan.target) {
      box.append(element("p", "That is your role: choose another one to see how to get there."));
      return;
    }
    const routes = shortestRoutes(plan.role, plan.target);
    if (!routes.length) {
      box.append(element("p", `No route from ${roleName(plan.role)} to ${roleName(plan.target)} is recorded in the guide: no chain of step-up and lateral moves leads there.`));
      const leading = Object.entries(data.roles).filter(([, role]) => role.moves.some(([, target]) => target === plan.target));
      if (leading.length) {
        const list = element("ul");
        for (const [id, role] of leading) {
          const item = element("li");
          item.append(siteLink(role.url, role.title), ` (${data.families[role.family].name}) leads there directly`);
          list.append(item);
        }
        box.append(element("p", "Roles that do lead there, to talk about with your manager:"), list);
      }
      return;
    }
    const moves = routes[0].length;
    box.append(element("p", `${routes.length > 1 ? `${routes.length} shortest routes` : "The shortest route"}: ${moves} move${moves > 1 ? "s" : ""}.`));
    for (const route of routes) {
      const list = element("ol", "", { class: "cg-plan__route" });
      let from = plan.role;
      for (const [kind, id] of route) {
        const role = data.roles[id];
        const changes = Object.entries(role.skills).filter(([c, rank]) => (data.roles[from].skills[c] || 0) < rank).length;
        const item = element("li");
        item.append(`${kind === "next" ? "Step up" : "Lateral move"} to `, siteLink(role.url, role.title), ` (${data.families[role.family].name}, ${role.level}): ${changes} competenc${changes === 1 ? "y" : "ies"} new or raised.`);
        list.append(item);
        from = id;
      }
      box.append(list);
    }
  }

  function render(plan) {
    for (const field of root().querySelectorAll("[data-cg-plan-field]")) field.value = plan[field.dataset.cgPlanField] || "";
    renderRating(plan);
    renderCompare(plan);
    renderRoutes(plan);
    part("version").textContent = `${data.company} career data, version ${data.version}; printed ${new Date().toISOString().slice(0, 10)}.`;
  }

  /* ---------- what the reader does ---------- */

  function update(change) {
    const plan = { ...readPlan(), ...change };
    savePlan(plan);
    if (window.location.search) window.history.replaceState(null, "", window.location.pathname);
    if (data) render(plan); // otherwise setUp renders it once the data is in
  }

  document.addEventListener("change", (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || !root() || !root().contains(target)) return;
    if (target.matches("[data-cg-plan-field]")) {
      update({ [target.dataset.cgPlanField]: target.value.trim() });
    } else if (target.matches('input[type="radio"][name^="cg-rate-"]')) {
      const plan = readPlan();
      plan.ratings[target.name.slice("cg-rate-".length)] = target.value === UNSURE ? UNSURE : Number.parseInt(target.value, 10);
      update({ ratings: plan.ratings });
      document.getElementById(target.id)?.focus();
    } else if (target.matches('[data-cg-action="import-plan"]')) {
      importPlan(target);
    }
  });

  document.addEventListener("input", (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.matches("input[data-cg-plan-field]")) {
      const plan = { ...readPlan(), [target.dataset.cgPlanField]: target.value.trim() };
      savePlan(plan);
    }
  });

  async function importPlan(input) {
    const [file] = input.files;
    input.value = "";
    if (!file) return;
    try {
      const saved = JSON.parse(await file.text());
      if (!saved || saved.format !== PLAN_FORMAT || typeof saved.plan !== "object") throw new Error("not a plan");
      const plan = clean(saved.plan);
      update(plan);
      announce(`Opened the plan saved in ${file.name}.`);
    } catch {
      announce(`${file.name} is not a plan saved from this guide: nothing was changed. Choose a file made with "Download my plan".`);
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest("[data-cg-action]");
    if (!button || !root() || !root().contains(button) || !data) return;
    const plan = readPlan();
    switch (button.dataset.cgAction) {
      case "copy-link":
        return void navigator.clipboard.writeText(linkTo(plan)).then(
          () => announce("Link copied: it opens this comparison and your ratings, without your name."),
          () => announce(`Copy this link: ${linkTo(plan)}`),
        );
      case "to-agenda": {
        if (!data.roles[plan.role] || !data.roles[plan.target]) return announce("Choose your role and a role you are curious about first.");
        const target = data.roles[plan.target];
        const biggest = gaps(plan).filter((row) => row.gap > 0).slice(0, 3);
        const names = biggest.map((row) => data.competencies[row.id].name);
        const asked = data.questions.filter((question) => question.competencies.some((id) => biggest.some((row) => row.id === id)));
        const step = (row, rank) => (rank ? data.competencies[row.id].steps[rank - 1] : "not yet");
        // One line for each gap and each question: the agenda and the worksheet take answers of several lines.
        const goals = biggest.length
          ? [
              `To grow towards ${target.title}:`,
              ...biggest.map((row) => `- ${data.competencies[row.id].name}: from ${step(row, row.current)} to ${step(row, row.expected)}`),
            ]
          : [`To keep growing towards ${target.title}.`];
        const questions = asked.length ? ["Questions for you:", ...asked.map((question) => `- ${question.text}`)] : [];
        guide().rememberShared("Career Interests", `${target.title} (${data.families[target.family].name})`);
        guide().rememberShared("Development Goals", [...goals, ...questions].join("\n"));
        return announce(
          `Added to your agenda and preparation worksheet: ${target.title}${names.length ? `, and your biggest gaps: ${names.join(", ")}` : ""}.`,
        );
      }
      case "export-plan": {
        const body = JSON.stringify({ format: PLAN_FORMAT, data_version: data.version, plan }, null, 2);
        const link = element("a", "", { href: URL.createObjectURL(new Blob([body], { type: "application/json" })), download: "my-career-plan.json" });
        document.body.append(link);
        link.click();
        link.remove();
        return announce("Your plan is downloaded: open it here on another computer with \"Open a saved plan\".");
      }
      case "forget": {
        for (const key of guide().store.keys()) guide().store.remove(key);
        if (window.location.search) window.history.replaceState(null, "", window.location.pathname);
        render(emptyPlan());
        return announce("Everything this guide kept in this browser is forgotten: your plan, answers and names.");
      }
    }
  });

  async function setUp() {
    const box = root();
    if (!box) return;
    try {
      if (!data) {
        const response = await fetch(box.dataset.cgPlan);
        if (!response.ok) throw new Error(String(response.status));
        data = await response.json();
      }
      render(readPlan());
    } catch {
      announce("The guide's data could not be loaded: reload the page to try again.");
    }
  }

  guide().onEveryPage(setUp);
})();
