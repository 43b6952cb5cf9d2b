"""Question lists, grouped by topic."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from ..model import Question
from .markup import prose_inline, text


def question_list(questions: Iterable[Question], *, heading_level: int = 3, show_topics: bool = True) -> str:
    """Questions as numbered lists, one per topic, in the order written.

    Without `show_topics` the topic headings are left out: for one topic under
    a heading of the page's own, they would only repeat it.
    """
    parts = []
    number = 1
    for topic, group in groupby(questions, key=lambda question: question.topic):
        items = list(group)
        if topic and show_topics:
            parts.append(f'<h{heading_level} class="cg-topic">{text(topic)}</h{heading_level}>')
        parts.append(f'<ol class="cg-questions" start="{number}">')
        parts.extend(f'<li id="q-{question.id}">{prose_inline(question.text)}</li>' for question in items)
        parts.append("</ol>")
        number += len(items)
    return "\n".join(parts)
