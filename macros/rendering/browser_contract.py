"""The contract between the page templates and the browser scripts (macros/rendering/assets/guide-core.js, guide.js, plan.js).

The templates mark what the script works on with `data-cg-*` attributes; the
script finds it by them, never by styling classes, and keeps what readers type
under keys built from ids in the data. Every name is declared here once; a
unit test checks that the script and the templates use exactly these.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


class Attribute(StrEnum):
    """The data attributes the script reads."""

    TEMPLATE = "data-cg-template"  # a message template page; value: the template's id
    SLOT = "data-cg-slot"  # a [Placeholder] in a message or a question; value: its name
    OPTIONAL = "data-cg-optional"  # a [Placeholder (optional)]: not asked for, and its line left out of what is sent while empty
    SLOT_INPUT = "data-cg-slot-input"  # the input that fills a placeholder; value: its name
    PART = "data-cg-part"  # a part of a message to copy; value: a Part
    MAILTO = "data-cg-mailto"  # the "Open in your e-mail app" link, refreshed as people type
    ACTION = "data-cg-action"  # a button; value: an Action
    WORKSHEET = "data-cg-worksheet"  # a worksheet's toolbar; value: the id its answers are kept under
    PREVIOUS = "data-cg-previous"  # a worksheet's storage ids before a rename, space-separated: it takes their answers over
    TITLE = "data-cg-title"  # the worksheet's title, for downloads
    FIELD = "data-cg-field"  # an answer; value: its key within the worksheet
    SHARED = "data-cg-shared"  # a field sharing its value with the templates; value: a placeholder name
    REMINDER = "data-cg-reminder"  # the calendar reminder block; value: the event's title
    ANSWERS_OF = "data-cg-answers-of"  # answers of a worksheet shown elsewhere (the meeting pack); value: its id
    REMINDER_FOR = "data-cg-reminder-for"  # the worksheet whose conversation date the reminder counts from; value: its id
    EXPORT = "data-cg-export"  # what a download of the answers contains; value: an Export
    LABEL = "data-cg-label"  # set by the script: a button's own label while it shows a confirmation
    PLAN = "data-cg-plan"  # the plan page's tools; value: the address of the data file
    PLAN_FIELD = "data-cg-plan-field"  # an "About me" field of the plan; value: its key (name, manager, role, target)
    ENTRY = "data-cg-entry"  # a list line of a message, shown once per entry; value: the list's key (its first blank)
    ENTRY_COPY = "data-cg-entry-copy"  # set by the script: the copy of a list line for entry 2, 3, ...
    ENTRIES = "data-cg-entries"  # the inputs of a list's entries; value: the list's key
    ENTRY_ROW = "data-cg-entry-row"  # the inputs of one entry; value: its number
    INDENT = "data-cg-indent"  # a blank whose answer takes several lines; value: the spaces its next lines start with
    PLAN_PART = "data-cg-plan-part"  # where the plan script writes; value: a PlanPart
    PLAN_RATING = "data-cg-plan-rating"  # a role worksheet's "Where I am now", shown from My plan's rating; value: the competency's ids
    PLAN_STEPS = "data-cg-plan-steps"  # beside PLAN_RATING: the names of the competency's steps, lowest first, as JSON


class Action(StrEnum):
    """What a button with `data-cg-action` does."""

    COPY_SUBJECT = "copy-subject"
    COPY_BODY = "copy-body"
    PRINT = "print"
    DOWNLOAD_TXT = "download-txt"
    DOWNLOAD_MD = "download-md"
    CLEAR = "clear"
    ICS = "ics"
    COPY_LINK = "copy-link"
    EXPORT_PLAN = "export-plan"
    IMPORT_PLAN = "import-plan"
    FORGET = "forget"
    TO_AGENDA = "to-agenda"
    ADD_ENTRY = "add-entry"
    REMOVE_ENTRY = "remove-entry"
    ADD_ROW = "add-row"
    EDITOR_MODE = "editor-mode"


class PlanPart(StrEnum):
    """The parts of the plan page that `data-cg-plan-part` marks."""

    SHARED = "shared"  # a plan someone shared as a link, shown read-only
    PROGRESS = "progress"  # how many competencies are rated, shown
    PROGRESS_SAID = "progress-said"  # the same, said politely once the reader pauses
    RATING = "rating"
    COMPARE = "compare"
    MANAGER = "manager"  # a shared plan's questions for the manager
    ROUTES = "routes"
    OWN = "own"  # the reader's own tools, hidden while a shared plan is shown
    STATUS = "status"
    VERSION = "version"


class Part(StrEnum):
    """The parts of a message that `data-cg-part` marks."""

    SUBJECT = "subject"
    BODY = "body"


class Export(StrEnum):
    """What each element marked `data-cg-export` adds to a downloaded copy of the answers."""

    HEADING = "heading"  # a section heading
    PERSON = "person"  # name, manager or date, as "label: value"
    ANSWER = "answer"  # a question and its answer
    TABLE = "table"  # a table of answers
    RATING = "rating"  # a table of competencies, each with the expected level and one's own rating


PLAN_BLANKS = ("Career Interests", "Development Goals")
"""The blanks "Add to my agenda" fills in every template that has them: the role I am curious
about, and my biggest gaps with the questions that explore them."""

CONVERSATION_DATE = "Meeting Date"
"""The blank that holds the date of the conversation (yyyy-mm-dd from a worksheet's date field, or as typed
into a template): one value, shared by every worksheet's "Conversation date", the agenda and the check-in
reminder. guide.js declares the same name."""

STORAGE_PREFIX = "career-guide:"
"""Every key the script keeps in the browser's storage starts with this."""

ASSETS_DIR = Path(__file__).resolve().parent / "assets"
"""The stylesheet and the scripts the templates are written for, shipped with the package."""
STYLESHEETS = ("guide.css",)
SCRIPTS = ("guide-core.js", "guide.js", "plan.js")
"""In the order pages load them: guide.js and plan.js use guide-core.js, and plan.js uses guide.js."""
