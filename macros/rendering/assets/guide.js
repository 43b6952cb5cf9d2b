/*
 * Career Guide in the browser: message templates to fill in and copy, and
 * worksheets to fill in, print, download and clear.
 *
 * Everything typed stays in this browser (its local storage); nothing is sent.
 * Material's instant navigation swaps page content without reloading this
 * script, so event handlers are delegated from the document (attached once)
 * and each new page is set up from Material's `document$` observable.
 * Without JavaScript, pages stay readable: controls that need it carry the
 * `cg-needs-js` class and are hidden.
 *
 * The page templates mark what this script works on with data-cg-* attributes,
 * declared with their values in macros/rendering/browser_contract.py (a test checks that
 * both sides use exactly those): content is found by them, not by styling classes.
 */
(() => {
  "use strict";

  const core = window.careerGuideCore; // guide-core.js: the storage layer and the checks, as plain functions
  const { PREFIX, dict, own } = core;
  const SHARED_KEY = `${PREFIX}placeholders`; // values of [Placeholders], shared by every page
  // The blank holding the conversation's date (browser_contract.CONVERSATION_DATE): every worksheet's
  // "Conversation date" (its field DATE_FIELD) and the agenda's [Meeting Date] are this one value.
  const CONVERSATION_DATE = "Meeting Date";
  const DATE_FIELD = "date";
  const CONFIRM_MS = 2500;

  /* ---------- storage: one checked layer; a bad value is set aside and said once ---------- */

  const resets = [];
  let unkept = false; // a write failed on this page: leaving it would lose what was typed

  function backend() {
    try {
      return window.localStorage;
    } catch {
      return null; // storage switched off: every access throws, which the layer reports
    }
  }

  const store = core.createStore(
    backend() || {
      length: 0,
      key: () => null,
      getItem: () => {
        throw new Error("storage is switched off");
      },
      setItem: () => {
        throw new Error("storage is switched off");
      },
      removeItem: () => {
        throw new Error("storage is switched off");
      },
    },
    {
      onReset(what, problems, setAside) {
        resets.push(`${what} (${problems.slice(0, 3).join("; ")})${setAside ? "" : ", and could not be set aside"}`);
        showResets();
      },
    },
  );

  // Once, at the top of the page: what could not be read and was reset, and that it was set aside, not deleted.
  let resetNotice = null;
  function showResets() {
    const page = document.querySelector(".md-content__inner") || document.body;
    if (!resets.length || !page) return;
    if (!resetNotice || !resetNotice.isConnected) {
      resetNotice = document.createElement("div");
      resetNotice.className = "cg-notice";
      resetNotice.setAttribute("role", "alert");
      page.prepend(resetNotice);
    }
    const list = document.createElement("ul");
    for (const reset of resets.splice(0)) {
      const item = document.createElement("li");
      item.textContent = reset;
      list.append(item);
    }
    const intro = document.createElement("p");
    intro.textContent =
      "Something this guide kept in this browser could not be read, so it starts afresh. What was there is set aside in this browser, not deleted:";
    const dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "md-button";
    dismiss.textContent = "OK";
    dismiss.addEventListener("click", () => resetNotice.remove());
    resetNotice.replaceChildren(intro, list, dismiss);
  }

  // What a failed write means, said where the person acted; the page then asks before it is left.
  function unkeptMessage(result, what) {
    unkept = true;
    return `${what} could not be kept: ${core.writeFailure(result)}. It stays on this page until you leave it.`;
  }

  function reportUnkept(container, result, what) {
    announce(container, unkeptMessage(result, what), { sticky: true });
  }

  window.addEventListener("beforeunload", (event) => {
    if (!unkept) return;
    event.preventDefault();
    event.returnValue = "";
  });

  // "Manager's Name" and "manager's name" are the same blank.
  const sharedName = (name) => name.trim().toLowerCase();

  function rememberShared(name, value) {
    const shared = store.read(SHARED_KEY);
    if (value) shared[sharedName(name)] = value;
    else delete shared[sharedName(name)];
    return store.write(SHARED_KEY, shared);
  }

  const content = () => document.querySelector(".md-content") || document.body;

  // Set up every page, including those reached by Material's instant navigation.
  function onEveryPage(setUp) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(setUp);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", setUp);
    } else {
      setUp();
    }
  }

  // The plan page's script (plan.js) keeps its state through the same storage, and is set up the same way.
  // What the page says after a button: in the status line of the part the person acted in.
  // A confirmation fades; a failure (`sticky`) stays until the next message.
  function announce(container, message, { sticky = false } = {}) {
    const status = container.querySelector('[role="status"]');
    if (!status) return;
    status.textContent = message;
    clearTimeout(status.cgTimer);
    if (!sticky) status.cgTimer = setTimeout(() => (status.textContent = ""), CONFIRM_MS * 2);
  }

  function confirmOnButton(button, label) {
    if (!button.dataset.cgLabel) button.dataset.cgLabel = button.textContent;
    button.textContent = label;
    clearTimeout(button.cgTimer);
    button.cgTimer = setTimeout(() => (button.textContent = button.dataset.cgLabel), CONFIRM_MS);
  }

  /* ---------- message templates ---------- */

  // What each blank holds: its input on the template's own page, else what was typed anywhere (the meeting pack).
  function templateValues(template) {
    const shared = store.read(SHARED_KEY);
    const values = dict();
    template.querySelectorAll("[data-cg-slot]").forEach((mark) => {
      const value = own(shared, sharedName(mark.dataset.cgSlot));
      if (value) values[mark.dataset.cgSlot] = value;
    });
    template.querySelectorAll("[data-cg-slot-input]").forEach((input) => {
      values[input.dataset.cgSlotInput] = input.value.trim();
    });
    return values;
  }

  const isOptional = (mark) => mark.hasAttribute("data-cg-optional");

  // The text of a part as it is sent: an optional blank left empty is left out, with its line if that is all it holds.
  function messageText(template, part) {
    const element = template.querySelector(`[data-cg-part="${part}"]`);
    if (!element) return "";
    const values = templateValues(template);
    const copy = element.cloneNode(true);
    copy.querySelectorAll("[data-cg-slot]").forEach((mark) => {
      if (isOptional(mark) && !values[mark.dataset.cgSlot]) mark.textContent = core.LEFT_OUT;
    });
    return core.withoutEmptyOptional(copy.textContent);
  }

  function mailtoHref(template) {
    // RFC 6068: percent-encode everything, CRLF line breaks in the body. An agenda without a subject line goes by its title.
    const subject = encodeURIComponent(messageText(template, "subject") || template.dataset.cgTitle || "");
    const body = encodeURIComponent(messageText(template, "body").replace(/\r?\n/g, "\r\n"));
    return `mailto:?subject=${subject}&body=${body}`;
  }

  /* A list line ("- I will [My Action] by [Date].") takes as many entries as the reader
     needs: entry 1 fills the blanks by their names, entry n by "name#n". */
  const entryName = (name, number) => (number === 1 ? name : `${name}#${number}`);
  const blankLabel = (slot) => {
    const [name, number] = slot.split("#");
    return number ? `[${name}] (entry ${number})` : `[${name}]`;
  };

  // Entry n's inputs, its blanks named "name#n" and its labels saying which entry it is.
  function entryRow(list, number) {
    const row = list.querySelector("[data-cg-entry-row]").cloneNode(true);
    row.dataset.cgEntryRow = String(number);
    row.querySelectorAll("[data-cg-slot-input]").forEach((input) => {
      const name = input.dataset.cgSlotInput.split("#")[0];
      const label = row.querySelector(`label[for="${input.id}"]`);
      input.id = input.id.replace(/-\d+$/, `-${number}`);
      input.dataset.cgSlotInput = entryName(name, number);
      input.setAttribute("aria-label", `${name}, entry ${number}`);
      input.value = "";
      label.htmlFor = input.id;
    });
    row.querySelector('[data-cg-action="remove-entry"]').setAttribute("aria-label", `Remove entry ${number}`);
    return row;
  }

  const entryRows = (list) => [...list.querySelectorAll("[data-cg-entry-row]")];

  // An entry can be removed while there is more than one.
  function offerRemoval(list) {
    const rows = entryRows(list);
    rows.forEach((row) => (row.querySelector('[data-cg-action="remove-entry"]').hidden = rows.length < 2));
  }

  function addEntry(list) {
    const rows = entryRows(list);
    const row = entryRow(list, rows.length + 1);
    rows[rows.length - 1].after(row);
    offerRemoval(list);
    return row;
  }

  // Removing entry n moves the later ones up, in the page and in what is kept.
  function removeEntry(button) {
    const list = button.closest("[data-cg-entries]");
    const rows = entryRows(list);
    const removed = rows.indexOf(button.closest("[data-cg-entry-row]"));
    const values = rows.map((row) => [...row.querySelectorAll("input")].map((input) => input.value));
    values.splice(removed, 1);
    const template = list.closest("[data-cg-template]");
    let failed = null;
    rows.forEach((row, index) => {
      row.querySelectorAll("input").forEach((input, column) => {
        input.value = index < values.length ? values[index][column] : "";
        const kept = rememberShared(input.dataset.cgSlotInput, input.value.trim());
        if (!kept.ok) failed = kept;
      });
    });
    rows[rows.length - 1].remove();
    offerRemoval(list);
    renderTemplate(template);
    entryRows(list)[Math.min(removed, values.length - 1)].querySelector("input").focus();
    if (failed) reportUnkept(template, failed, `Removing entry ${removed + 1}`);
    else announce(template, `Entry ${removed + 1} removed.`);
  }

  // How many entries were kept for a list with blanks `names` (the storage layer keeps at most LIMITS.entries).
  function keptEntries(names) {
    let count = 1;
    for (const key of Object.keys(store.read(SHARED_KEY))) {
      const [name, number] = key.split("#");
      if (number && names.some((candidate) => sharedName(candidate) === name)) count = Math.max(count, Math.min(Number(number) || 1, core.LIMITS.entries));
    }
    return count;
  }

  // The message shows one copy of a list line for each entry of its list.
  function showEntries(template) {
    template.querySelectorAll("[data-cg-entry-copy]").forEach((copy) => copy.remove());
    template.querySelectorAll("[data-cg-entry]").forEach((line) => {
      const list = template.querySelector(`[data-cg-entries="${CSS.escape(line.dataset.cgEntry)}"]`);
      const names = [...line.querySelectorAll("[data-cg-slot]")].map((mark) => mark.dataset.cgSlot);
      const count = list ? entryRows(list).length : keptEntries(names);
      let previous = line;
      for (let number = 2; number <= count; number += 1) {
        const copy = line.cloneNode(true);
        copy.removeAttribute("data-cg-entry");
        copy.dataset.cgEntryCopy = line.dataset.cgEntry;
        if (!copy.textContent.startsWith("\n")) copy.prepend("\n");
        copy.querySelectorAll("[data-cg-slot]").forEach((mark) => (mark.dataset.cgSlot = entryName(mark.dataset.cgSlot, number)));
        previous.after(copy);
        previous = copy;
      }
    });
  }

  // An empty blank shows its name in brackets, as written: "[Other Topic (optional)]".
  const emptyMark = (mark) => `[${mark.dataset.cgSlot.split("#")[0]}${isOptional(mark) ? " (optional)" : ""}]`;

  function renderTemplate(template) {
    const values = templateValues(template);
    showEntries(template);
    template.querySelectorAll("[data-cg-slot]").forEach((mark) => {
      // A date kept from a date field (yyyy-mm-dd) reads as a date: "Thursday 10 December 2026".
      let value = core.readableDate(values[mark.dataset.cgSlot]);
      // An answer of several lines stays under its agenda item.
      if (value && mark.dataset.cgIndent) value = value.replace(/\n/g, `\n${" ".repeat(Number(mark.dataset.cgIndent))}`);
      mark.textContent = value || emptyMark(mark);
      mark.classList.toggle("cg-placeholder--filled", Boolean(value));
    });
    const link = template.querySelector("[data-cg-mailto]");
    if (link) link.href = mailtoHref(template);
  }

  function setUpTemplate(template) {
    const shared = store.read(SHARED_KEY);
    // As many entries as were kept for each list.
    template.querySelectorAll("[data-cg-entries]").forEach((list) => {
      const count = keptEntries([...list.querySelectorAll("[data-cg-slot-input]")].map((input) => input.dataset.cgSlotInput));
      while (entryRows(list).length < count) addEntry(list);
    });
    template.querySelectorAll("[data-cg-slot-input]").forEach((input) => {
      const remembered = own(shared, sharedName(input.dataset.cgSlotInput));
      if (remembered && !input.value) input.value = core.readableDate(remembered);
      grow(input);
    });
    renderTemplate(template);
  }

  async function copyText(value) {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(value);
      return;
    }
    // Plain-HTTP intranets have no Clipboard API: fall back to a selection.
    const area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    if (!copied) throw new Error("copy refused");
  }

  // The blanks of `part` (or the whole message) that are still empty, each named once; an optional one is not missing.
  function emptyBlanks(template, part) {
    const values = templateValues(template);
    const scope = part ? template.querySelector(`[data-cg-part="${part}"]`) : template;
    const names = [...scope.querySelectorAll("[data-cg-slot]")]
      .filter((mark) => !isOptional(mark))
      .map((mark) => mark.dataset.cgSlot)
      .filter((name) => !values[name]);
    return [...new Set(names)].map(blankLabel);
  }

  /* A blank in a question (outside any message) cannot be filled in where it is: it shows what
     was typed under the same name elsewhere, or stays in brackets. */
  function fillQuestionBlanks() {
    const shared = store.read(SHARED_KEY);
    content()
      .querySelectorAll("[data-cg-slot]")
      .forEach((mark) => {
        if (mark.closest("[data-cg-template]")) return;
        const value = core.readableDate(own(shared, sharedName(mark.dataset.cgSlot)) || "");
        mark.textContent = value || emptyMark(mark);
        mark.classList.toggle("cg-placeholder--filled", Boolean(value));
      });
  }

  // Before copying or opening the e-mail app with blanks still in brackets, say
  // which; a second go within a few seconds goes ahead as asked.
  function blanksStopFirstTry(control, template, part, doing) {
    const blanks = emptyBlanks(template, part);
    if (!blanks.length || control.cgArmed) return false;
    control.cgArmed = true;
    setTimeout(() => (control.cgArmed = false), CONFIRM_MS * 4);
    const count = blanks.length === 1 ? "1 blank still empty" : `${blanks.length} blanks still empty`;
    announce(template, `${count}: ${blanks.join(", ")}. Fill them in above, or ${doing} again to keep the brackets.`);
    return true;
  }

  async function copyPart(button, part) {
    const template = button.closest("[data-cg-template]");
    const noun = part === "subject" ? "Subject" : "Message";
    if (blanksStopFirstTry(button, template, part, "copy")) return;
    try {
      await copyText(messageText(template, part));
      confirmOnButton(button, "Copied ✓");
      announce(template, `${noun} copied to the clipboard.`);
    } catch {
      announce(template, `Could not copy. Select the ${noun.toLowerCase()} and copy it by hand.`);
    }
  }

  /* ---------- worksheets ---------- */

  const worksheetKey = (toolbar) => `${PREFIX}worksheet:${toolbar.dataset.cgWorksheet}`;
  const worksheetFields = () => content().querySelectorAll("[data-cg-field]");

  // Writing space grows with the answer, so everything typed is on screen and on paper.
  function grow(field) {
    field.classList.toggle("cg-empty", !field.value);
    if (field.tagName !== "TEXTAREA") return;
    field.style.height = "";
    if (field.scrollHeight > field.clientHeight) field.style.height = `${field.scrollHeight + 2}px`;
  }

  /* A table of answers (an action plan) takes as many rows as needed: row n keeps
     its answers under "<section>-r<n>-<column>". */
  const ROW_KEY = /-r(\d+)-([^]*)$/;

  function addRow(table) {
    const rows = table.tBodies[0].rows;
    const row = rows[rows.length - 1].cloneNode(true);
    const number = rows.length + 1;
    row.querySelectorAll("[data-cg-field]").forEach((field) => {
      field.dataset.cgField = field.dataset.cgField.replace(ROW_KEY, `-r${number}-$2`);
      field.setAttribute("aria-label", field.getAttribute("aria-label").replace(/row \d+$/, `row ${number}`));
      field.value = "";
      grow(field);
    });
    table.tBodies[0].append(row);
    return row;
  }

  // Enough rows for every row kept, however many were added.
  function addSavedRows(saved, scope) {
    scope.querySelectorAll('table[data-cg-export="table"]').forEach((table) => {
      const first = table.querySelector("[data-cg-field]");
      if (!first) return;
      const section = first.dataset.cgField.replace(ROW_KEY, "");
      const numbers = Object.keys(saved)
        .filter((key) => key.startsWith(`${section}-r`) && ROW_KEY.test(key) && key.replace(ROW_KEY, "") === section)
        .map((key) => Math.min(Number(key.match(ROW_KEY)[1]), core.LIMITS.rows));
      while (table.tBodies[0].rows.length < Math.max(0, ...numbers)) addRow(table);
    });
  }

  // A renamed worksheet (or role) takes over the answers kept under its old id; they stay there too until cleared.
  function takeOverRenamed(toolbar) {
    const key = worksheetKey(toolbar);
    if (!toolbar.dataset.cgPrevious || store.keys().includes(key)) return;
    const old = toolbar.dataset.cgPrevious
      .split(" ")
      .map((id) => `${PREFIX}worksheet:${id}`)
      .find((oldKey) => store.keys().includes(oldKey));
    if (old) {
      const taken = store.write(key, store.read(old));
      if (!taken.ok) reportUnkept(toolbar, taken, "The answers of this sheet's old name");
    }
  }

  function setUpWorksheet(toolbar) {
    takeOverRenamed(toolbar);
    const saved = store.read(worksheetKey(toolbar));
    addSavedRows(saved, content());
    const shared = store.read(SHARED_KEY);
    worksheetFields().forEach((field) => {
      const key = field.dataset.cgField;
      // A shared answer (name, manager, what the plan adds) is the latest one given anywhere.
      const sharedValue = field.dataset.cgShared && own(shared, sharedName(field.dataset.cgShared));
      if (field.dataset.cgShared === CONVERSATION_DATE) {
        // The one conversation date, even when emptied elsewhere: the sheet's own copy is only what it was when
        // last saved (older sheets' own dates became the shared one once, see core.migrateStorage). A date
        // typed into a template as words it cannot read ("next Tuesday") leaves the field empty.
        field.value = core.isoDate(sharedValue || "");
      } else if (sharedValue) field.value = sharedValue;
      else if (own(saved, key) !== undefined) field.value = own(saved, key);
      grow(field);
    });
  }

  // Answers of fields this page no longer has (HR removed or renamed them) are kept until the sheet is cleared.
  // A worksheet's answers shown elsewhere (in the meeting pack), as kept on its page.
  function showAnswersOf(box) {
    const saved = store.read(`${PREFIX}worksheet:${box.dataset.cgAnswersOf}`);
    addSavedRows(saved, box);
    box.querySelectorAll("[data-cg-field]").forEach((field) => {
      field.value = own(saved, field.dataset.cgField) || "";
      if (field.dataset.cgField === CHECK_IN && field.value) field.value = core.longDate(field.value);
      field.readOnly = true;
      grow(field);
    });
  }

  function saveWorksheet(toolbar) {
    const answers = store.read(worksheetKey(toolbar));
    worksheetFields().forEach((field) => {
      // The page's own value (a rating My plan shows in an empty field) is not an answer until the reader changes it.
      if (field.value && field.value !== field.defaultValue) answers[field.dataset.cgField] = field.value;
      else delete answers[field.dataset.cgField];
    });
    return store.write(worksheetKey(toolbar), answers);
  }

  function clearWorksheet(toolbar) {
    if (!window.confirm("Clear every answer on this worksheet? This cannot be undone.")) return;
    const cleared = store.remove(worksheetKey(toolbar));
    if (!cleared.ok) return announce(toolbar, `The answers could not be cleared: ${core.writeFailure(cleared)}.`, { sticky: true });
    worksheetFields().forEach((field) => {
      field.value = field.defaultValue;
      grow(field);
    });
    announce(toolbar, "Answers cleared.");
  }

  const headingText = (heading) => {
    const copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach((link) => link.remove());
    return copy.textContent.trim();
  };
  const labelOf = (field) => {
    const label = field.id && document.querySelector(`label[for="${field.id}"]`);
    return (label ? label.textContent : field.getAttribute("aria-label") || "").replace(/\s+/g, " ").trim();
  };

  // The sheet's questions and answers as text: Markdown, which also reads well as plain text.
  function worksheetText(toolbar, markdown) {
    const lines = [];
    const heading = (level, value) =>
      markdown ? lines.push(`${"#".repeat(level)} ${value}`, "") : lines.push(value, (level === 1 ? "=" : "-").repeat(value.length), "");
    heading(1, toolbar.dataset.cgTitle);
    content().querySelectorAll("[data-cg-export]").forEach((part) => {
      const kind = part.dataset.cgExport;
      if (kind === "heading") {
        heading(2, headingText(part));
      } else if (kind === "person") {
        const field = part.querySelector("[data-cg-field]");
        lines.push(`${labelOf(field)}: ${field.value}`, "");
      } else if (kind === "answer") {
        const field = part.querySelector("[data-cg-field]");
        // In Markdown a single line break joins two lines: a hard break keeps each line of the answer.
        const answer = field.value.trim() || "(no answer)";
        lines.push(markdown ? `**${labelOf(field)}**` : labelOf(field), "", markdown ? answer.replace(/\n/g, "  \n") : answer, "");
      } else if (kind === "table" || kind === "rating") {
        // A rating table lists every row (each names a competency); a table of answers only filled-in rows.
        const columns = [...part.querySelectorAll("thead th")].map((cell) => cell.textContent.trim());
        const value = (cell) => {
          const input = cell.querySelector("input");
          return (input ? input.value : cell.textContent).replace(/\s+/g, " ").replace(/\|/g, "/").trim();
        };
        const rows = [...part.querySelectorAll("tbody tr")]
          .map((row) => [...row.querySelectorAll("th, td")].map(value))
          .filter((cells) => kind === "rating" || cells.some(Boolean));
        if (markdown) {
          lines.push(`| ${columns.join(" | ")} |`, `| ${columns.map(() => "---").join(" | ")} |`);
          rows.forEach((cells) => lines.push(`| ${cells.join(" | ")} |`));
        } else {
          rows.forEach((cells) => lines.push(columns.map((column, index) => `${column}: ${cells[index]}`).join("; ")));
        }
        if (!rows.length) lines.push("(no rows filled in)");
        lines.push("");
      }
    });
    return `${lines.join("\n").trim()}\n`;
  }

  function download(filename, body, type) {
    const url = URL.createObjectURL(new Blob([body], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function downloadAnswers(toolbar, markdown) {
    const extension = markdown ? "md" : "txt";
    const type = markdown ? "text/markdown" : "text/plain";
    download(`${toolbar.dataset.cgWorksheet}.${extension}`, worksheetText(toolbar, markdown), `${type};charset=utf-8`);
    announce(toolbar, `Answers downloaded as ${toolbar.dataset.cgWorksheet}.${extension}.`);
  }

  /* ---------- calendar reminder (.ics) ---------- */

  // RFC 5545 text: escape \ ; , and line breaks; fold lines longer than 75 octets.
  const icsText = (value) => value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  function fold(line) {
    const bytes = new TextEncoder().encode(line);
    if (bytes.length <= 75) return line;
    const pieces = [];
    let current = "";
    for (const character of line) {
      if (new TextEncoder().encode(current + character).length > (pieces.length ? 74 : 75)) {
        pieces.push(current);
        current = "";
      }
      current += character;
    }
    pieces.push(current);
    return pieces.join("\r\n ");
  }
  const icsDate = (date) => date.toISOString().slice(0, 10).replace(/-/g, "");

  // An all-day event on `checkIn` (yyyy-mm-dd), with a reminder on the morning.
  function reminderCalendar(title, checkIn, description) {
    const start = new Date(`${checkIn}T00:00:00Z`);
    const end = new Date(start);
    end.setUTCDate(end.getUTCDate() + 1);
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    const lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Career Guide//Follow-up reminder//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "BEGIN:VEVENT",
      `UID:${stamp}-${Math.random().toString(36).slice(2)}@career-guide`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(start)}`,
      `DTEND;VALUE=DATE:${icsDate(end)}`,
      `SUMMARY:${icsText(title)}`,
      `DESCRIPTION:${icsText(description)}`,
      "TRANSP:TRANSPARENT",
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `DESCRIPTION:${icsText(title)}`,
      "TRIGGER:PT9H",
      "END:VALARM",
      "END:VEVENT",
      "END:VCALENDAR",
    ];
    return `${lines.map(fold).join("\r\n")}\r\n`;
  }

  const CHECK_IN = "check-in"; // the reminder's date, kept with the worksheet's answers
  const CALENDAR_FILE = "career-check-in.ics";

  function showReminderMade(reminder) {
    const made = own(store.read(`${PREFIX}worksheet:${reminder.dataset.cgReminderFor}`), CHECK_IN);
    const status = reminder.querySelector('[role="status"]');
    if (made && core.isoDate(made) && !status.textContent)
      status.textContent = `Your check-in is on ${core.longDate(made)}. It is in the calendar file you downloaded, ${CALENDAR_FILE}.`;
  }

  function downloadReminder(button) {
    const reminder = button.closest("[data-cg-reminder]");
    const key = `${PREFIX}worksheet:${reminder.dataset.cgReminderFor}`;
    // The conversation's date: the one shared by every worksheet (on this page, its date field),
    // else as the follow-up sheet kept it before dates were shared, else none: counted from today.
    const dateField = content().querySelector(`[data-cg-field="${DATE_FIELD}"]`);
    const conversation =
      core.isoDate(dateField ? dateField.value : "") ||
      core.isoDate(own(store.read(SHARED_KEY), sharedName(CONVERSATION_DATE)) || "") ||
      core.isoDate(own(store.read(key), DATE_FIELD) || "");
    const weeks = Math.min(52, Math.max(1, parseInt(reminder.querySelector("input").value, 10) || 1));
    const now = new Date();
    const today = new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
    const { date: checkIn, movedFrom } = core.checkInDay(conversation || today, weeks);
    const sentence = core.checkInSentence({ checkIn, movedFrom, weeks, conversation, today });
    const url = location.href.split("#")[0];
    const description = `Progress check-in on your career development plan. ${sentence} Bring your follow-up plan: ${url}`;
    download(CALENDAR_FILE, reminderCalendar(reminder.dataset.cgReminder, checkIn, description), "text/calendar;charset=utf-8");
    const kept = store.write(key, { ...store.read(key), [CHECK_IN]: checkIn });
    const open = `open it to add "${reminder.dataset.cgReminder}" to your calendar.`;
    reminder.querySelector('[role="status"]').textContent =
      `${sentence} It is in the calendar file you downloaded, ${CALENDAR_FILE}: ${open}` +
      (kept.ok ? "" : ` The guide could not note the date: ${core.writeFailure(kept)}.`);
  }

  /* ---------- wiring ---------- */

  document.addEventListener("input", (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement)) return;
    if (target.matches("[data-cg-slot-input]")) {
      const template = target.closest("[data-cg-template]");
      const kept = rememberShared(target.dataset.cgSlotInput, target.value.trim());
      grow(target);
      renderTemplate(template);
      fillQuestionBlanks();
      if (!kept.ok) reportUnkept(template, kept, "What you type here");
    } else if (target.matches("[data-cg-field]")) {
      const toolbar = content().querySelector("[data-cg-worksheet]");
      let kept = { ok: true };
      if (target.dataset.cgShared) {
        kept = rememberShared(target.dataset.cgShared, target.value.trim());
        // A message on the same page (a role worksheet's agenda) shows the name or date as it is typed.
        content().querySelectorAll("[data-cg-template]").forEach(renderTemplate);
        fillQuestionBlanks();
      }
      grow(target);
      if (toolbar && kept.ok) kept = saveWorksheet(toolbar);
      if (!kept.ok) reportUnkept(toolbar || content(), kept, "Your answers");
    }
  });

  document.addEventListener("click", (event) => {
    const mailto = event.target instanceof Element && event.target.closest("[data-cg-mailto]");
    if (mailto && blanksStopFirstTry(mailto, mailto.closest("[data-cg-template]"), null, "open the e-mail app")) {
      event.preventDefault();
      return;
    }
    const button = event.target instanceof Element && event.target.closest("[data-cg-action]");
    if (!button) return;
    const toolbar = button.closest("[data-cg-worksheet]");
    switch (button.dataset.cgAction) {
      case "copy-subject":
        return void copyPart(button, "subject");
      case "copy-body":
        return void copyPart(button, "body");
      case "print":
        return window.print();
      case "download-md":
        return downloadAnswers(toolbar, true);
      case "download-txt":
        return downloadAnswers(toolbar, false);
      case "clear":
        return clearWorksheet(toolbar);
      case "ics":
        return downloadReminder(button);
      case "add-entry": {
        const list = button.closest("[data-cg-entries]");
        addEntry(list).querySelector("input").focus();
        renderTemplate(list.closest("[data-cg-template]"));
        return announce(list.closest("[data-cg-template]"), `Entry ${entryRows(list).length} added.`);
      }
      case "remove-entry":
        return removeEntry(button);
      case "editor-mode":
        return switchEditorMode(button);
      case "add-row": {
        const table = button.closest("div").querySelector('table[data-cg-export="table"]');
        addRow(table).querySelector("input").focus();
        return announce(content().querySelector("[data-cg-worksheet]") || button.parentElement, `Row ${table.tBodies[0].rows.length} added.`);
      }
    }
  });

  window.addEventListener("beforeprint", () => worksheetFields().forEach(grow));

  /* ---------- editors' links ---------- */

  // The repository link and "Edit this page" are for editors: shown only in a browser that asked for them.
  const EDITOR_KEY = `${PREFIX}editor`;
  const isEditor = () => own(store.read(EDITOR_KEY), "on") === true;

  function showEditorLinks() {
    document.documentElement.classList.toggle("cg-editor", isEditor());
    content()
      .querySelectorAll('[data-cg-action="editor-mode"]')
      .forEach((button) => {
        button.setAttribute("aria-pressed", String(isEditor()));
        button.textContent = isEditor() ? "Hide editing links" : "Show editing links on every page";
      });
  }

  function switchEditorMode(button) {
    const switched = isEditor() ? store.remove(EDITOR_KEY) : store.write(EDITOR_KEY, { on: true });
    showEditorLinks();
    if (!switched.ok) return announce(button.parentElement, `The setting could not be kept: ${core.writeFailure(switched)}.`, { sticky: true });
    announce(
      button.parentElement,
      isEditor() ? 'Every page now shows "Edit this page" and the repository, in this browser.' : "Editing links hidden.",
    );
  }

  function setUpPage() {
    unkept = false;
    showResets();
    showEditorLinks();
    content().querySelectorAll("[data-cg-template]").forEach(setUpTemplate);
    content().querySelectorAll("[data-cg-worksheet]").forEach(setUpWorksheet);
    fillQuestionBlanks();
    content().querySelectorAll("[data-cg-reminder]").forEach(showReminderMade);
    content().querySelectorAll("[data-cg-answers-of]").forEach(showAnswersOf);
  }

  // The plan page's script (plan.js) keeps its state through the same storage, and is set up the same way.
  window.careerGuide = { store, rememberShared, onEveryPage, copyText, unkeptMessage };

  store.checkAll();
  // What an older version kept, brought up to date once. A write that fails here (storage full or off)
  // is tried again on the next page, and said where the person next types.
  core.migrateStorage(store, { dateBlank: sharedName(CONVERSATION_DATE), dateField: DATE_FIELD });
  onEveryPage(setUpPage);
})();
