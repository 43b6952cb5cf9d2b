"""Message templates: shown as readable messages, and as pages to fill in, copy and send."""

from __future__ import annotations

from urllib.parse import quote

from ..model import PLACEHOLDER, Guide, Template
from ..urls import TEMPLATES_URL, template_url
from .markup import attribute, block, heading_text, page_link, prose, text

KIND_LABELS = {"email": "E-mail", "chat": "Chat message", "agenda": "Agenda"}


def marked_placeholders(value: str) -> str:
    """Escaped text in which each [Placeholder] is highlighted, and named for the fill-in script."""
    pieces, start = [], 0
    for match in PLACEHOLDER.finditer(value):
        pieces.append(text(value[start : match.start()]))
        pieces.append(f'<mark class="cg-placeholder" data-cg-slot="{attribute(match.group(1))}">{text(match.group(0))}</mark>')
        start = match.end()
    pieces.append(text(value[start:]))
    return "".join(pieces)


def message_card(template: Template) -> str:
    """The message as it will be sent: subject line, then the body with its line breaks."""
    subject = (
        f'<p class="cg-message__subject"><strong>Subject:</strong> '
        f'<span data-cg-part="subject">{marked_placeholders(template.subject)}</span></p>'
        if template.subject
        else ""
    )
    return (
        f'<figure class="cg-message cg-message--{template.kind}">'
        f'<figcaption class="cg-message__kind">{KIND_LABELS[template.kind]}: {text(template.title)}</figcaption>'
        f"{subject}"
        f'<div class="cg-message__body" data-cg-part="body">{marked_placeholders(template.body)}</div>'
        "</figure>"
    )


def message_with_link(template: Template, page_url: str) -> str:
    """The message in a chapter, with a link to its page for filling in and copying."""
    return (
        f"{message_card(template)}"
        f'<p class="cg-message__more">{page_link(page_url, template_url(template.id), "Fill in, copy or send this message")}</p>'
    )


def mailto(template: Template) -> str:
    """A mailto: link for the template as written; the page's script refreshes it as people type."""
    # RFC 6068: line breaks in a mailto body are CRLF, and everything is percent-encoded.
    body = template.body.replace("\n", "\r\n")
    return f"mailto:?subject={quote(template.subject or '', safe='')}&body={quote(body, safe='')}"


def _fill_in(template: Template) -> str:
    fields = "".join(
        f'<div class="cg-fill__field"><label for="cg-slot-{number}">{text(name)}</label>'
        f'<input id="cg-slot-{number}" type="text" data-cg-slot-input="{attribute(name)}" autocomplete="off"></div>'
        for number, name in enumerate(template.placeholders, start=1)
    )
    return (
        '<div class="cg-fill cg-needs-js">'
        '<h2 id="fill-in">Fill in the blanks</h2>'
        "<p>Type once, and the message below updates as you go. What you type is kept in this browser only "
        "(never sent anywhere) and pre-filled in the other templates. A blank left empty stays in brackets.</p>"
        f'<div class="cg-fill__fields">{fields}</div></div>'
    )


def _actions(template: Template) -> str:
    copy_subject = '<button type="button" class="md-button" data-cg-action="copy-subject">Copy subject</button>' if template.subject else ""
    email_app = (
        f'<a class="md-button" data-cg-mailto href="{attribute(mailto(template))}">Open in your e-mail app</a>'
        if template.kind == "email"
        else ""
    )
    return (
        '<div class="cg-actions">'
        f'<span class="cg-needs-js">{copy_subject}'
        '<button type="button" class="md-button md-button--primary" data-cg-action="copy-body">Copy message</button></span>'
        f"{email_app}"
        '<p class="cg-status" role="status" aria-live="polite"></p></div>'
        '<noscript><p class="cg-noscript">Select the message, copy it, and replace the words in brackets.</p></noscript>'
    )


def template_page(template: Template) -> str:
    """The Markdown of /templates/<id>/."""
    fill_in = _fill_in(template) if template.placeholders else ""
    return "\n\n".join(
        [
            f"# {heading_text(template.title)}",
            block(f'<p class="cg-role-meta">{KIND_LABELS[template.kind]}</p>'),
            "## When to use it",
            block(prose(template.when)),
            block(
                f'<div class="cg-template" data-cg-template="{attribute(template.id)}">{fill_in}'
                f'<h2 id="the-message">The message</h2>{message_card(template)}{_actions(template)}</div>'
            ),
        ]
    )


def templates_index_page(guide: Guide) -> str:
    """The Markdown of /templates/: every template, with when to use it."""
    items = "".join(
        f"<li>{page_link(TEMPLATES_URL, template_url(t.id), t.title)} "
        f'<span class="cg-source">({KIND_LABELS[t.kind]})</span>{prose(t.when)}</li>'
        for t in guide.templates.values()
    )
    return "\n\n".join(
        [
            "# Message templates",
            block(
                "<p>Ready-made messages for each step of the conversation. Open one, fill in the names, "
                "and copy it into your e-mail or chat, or open it straight in your e-mail app.</p>"
            ),
            block(f'<ul class="cg-index">{items}</ul>'),
        ]
    )
