"""Message templates shown as readable messages, with their placeholders marked."""

from __future__ import annotations

import re

from ..model import PLACEHOLDER, Template
from .markup import text

KIND_LABELS = {"email": "E-mail", "chat": "Chat message", "agenda": "Agenda"}


def marked_placeholders(value: str) -> str:
    """Escaped text in which each [Placeholder] is highlighted."""
    escaped = text(value)
    return re.sub(
        PLACEHOLDER.pattern.replace(r"\n", "\\n"),
        lambda match: f'<mark class="cg-placeholder">{match.group(0)}</mark>',
        escaped,
    )


def message_card(template: Template) -> str:
    """The message as it will be sent: subject line, then the body with its line breaks."""
    subject = (
        f'<p class="cg-message__subject"><strong>Subject:</strong> {marked_placeholders(template.subject)}</p>'
        if template.subject
        else ""
    )
    return (
        f'<figure class="cg-message cg-message--{template.kind}">'
        f'<figcaption class="cg-message__kind">{KIND_LABELS[template.kind]}: {text(template.title)}</figcaption>'
        f"{subject}"
        f'<div class="cg-message__body">{marked_placeholders(template.body)}</div>'
        "</figure>"
    )
