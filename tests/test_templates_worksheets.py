"""Template and worksheet pages in the built HTML: what reads without a browser."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlparse

import pytest
from helpers import Site, normalise, sidebar

from macros.model.guide import Guide
from macros.rendering.views import blank_name

pytestmark = pytest.mark.build


def _mailto(html: str) -> str:
    link = re.search(r'<a class="md-button" data-cg-mailto href="([^"]+)"', html)
    assert link, "an e-mail template has an 'Open in your e-mail app' link"
    return unescape(link.group(1))


def test_every_template_has_its_page(site: Site, guide: Guide) -> None:
    # MkDocs excludes docs under templates/ by default: the pages must exist all the same.
    for template in guide.templates.values():
        text = site.text(f"/templates/{template.id}/")
        assert template.title in text and normalise(template.when) in text
        for line in template.body.splitlines():
            assert normalise(line) in text
        if template.subject:
            assert template.subject in text


def test_template_index_lists_every_template(site: Site, guide: Guide) -> None:
    html = site.html("/templates/")
    for template in guide.templates.values():
        assert f'href="{template.id}/"' in html


def test_each_placeholder_gets_one_labelled_input(site: Site, guide: Guide) -> None:
    for template in guide.templates.values():
        html = site.html(f"/templates/{template.id}/")
        inputs = re.findall(r'<(?:input|textarea) id="(cg-(?:slot|entry)-[^"]+)"[^>]* data-cg-slot-input="([^"]+)"', html)
        labels = {ident: unescape(re.search(rf'<label for="{ident}">([^<]+)</label>', html).group(1)) for ident, _ in inputs}  # type: ignore[union-attr]
        assert sorted(labels.values()) == sorted(template.placeholders), "labelled as written"
        for ident, name in inputs:
            assert unescape(name) == blank_name(labels[ident]), "filled under its name, without (optional)"


def test_the_company_name_is_written_in_not_asked_for(site: Site, guide: Guide) -> None:
    html = site.html("/templates/meeting-request/")
    assert f"long-term development here at {guide.company.name}." in site.text("/templates/meeting-request/")
    assert "Company Name" not in html
    assert f"here at {guide.company.name}." in parse_qs(urlparse(_mailto(html)).query)["body"][0]


def test_an_optional_blank_is_labelled_so_and_left_out_of_the_e_mail_while_empty(site: Site, guide: Guide) -> None:
    agenda = guide.templates["agenda"]
    assert "- [Other Topic (optional)]" in agenda.body.splitlines()
    html = site.html("/templates/agenda/")
    assert re.search(r'<mark class="cg-placeholder" data-cg-slot="Other Topic" data-cg-optional>\[Other Topic \(optional\)\]</mark>', html)
    assert re.search(r'<label for="[^"]+">Other Topic \(optional\)</label><input [^>]*data-cg-slot-input="Other Topic"', html)
    body = parse_qs(urlparse(_mailto(html)).query)["body"][0]
    assert body == agenda.body.replace("\n- [Other Topic (optional)]", "").replace("\n", "\r\n")


def test_a_blank_in_a_question_is_marked_wherever_the_question_is_shown(site: Site, guide: Guide) -> None:
    question = guide.questions["mgr-stretch-assignment"]
    assert "[skill]" in question.text
    mark = '<mark class="cg-placeholder" data-cg-slot="skill">[skill]</mark>'
    for url in ("/roles/senior-engineer/", "/meeting/topics/"):
        assert mark in site.html(url), url
    sheet = site.html("/worksheets/meeting-preparation/")
    label = r'<label class="cg-answer__label" for="[^"]+">Based on my goal to <mark class="cg-placeholder" data-cg-slot="your goal">'
    assert re.search(label, sheet), "in a worksheet's label"


def test_mailto_link_carries_the_message(site: Site, guide: Guide) -> None:
    template = guide.templates["meeting-request"]
    query = parse_qs(urlparse(_mailto(site.html("/templates/meeting-request/"))).query)
    assert query["subject"] == [template.subject]
    assert query["body"] == [template.body.replace("\n", "\r\n")]


def test_emails_and_agendas_offer_the_email_app(site: Site, guide: Guide) -> None:
    for template in guide.templates.values():
        html = site.html(f"/templates/{template.id}/")
        assert ("data-cg-mailto" in html) == (template.kind in ("email", "agenda"))
        assert ('data-cg-action="copy-subject"' in html) == bool(template.subject)


def test_chapters_link_to_template_and_worksheet_pages(site: Site) -> None:
    assert 'href="../../templates/meeting-request/"' in site.html("/meeting/request/")
    assert 'href="../worksheets/follow-up-plan/"' in site.html("/follow-up/")
    assert 'href="../../templates/thank-you/"' in site.html("/roles/senior-engineer/")


def test_every_worksheet_has_its_questions_and_writing_space(site: Site, guide: Guide) -> None:
    for sheet in guide.worksheets.values():
        html = site.html(f"/worksheets/{sheet.id}/")
        text = site.text(f"/worksheets/{sheet.id}/")
        assert sheet.title in text and normalise(sheet.purpose) in text
        for label in ("Your name", "Your manager", "Conversation date"):
            assert label in text
        for section in sheet.sections:
            assert section.title in text
            for question in section.questions:
                assert normalise(question.text) in text
            if section.table:
                cells = len(section.table.columns) * section.table.rows
                header = "".join(f'<th scope="col">{column}</th>' for column in section.table.columns)
                table = html[html.index(header) :]
                assert table[: table.index("</table>")].count("<input ") == cells
        spaces = re.findall(r'<textarea [^>]*rows="(\d+)"', html)
        from_plan = 2 if sheet.from_plan else 0  # the role aimed for, and the gaps
        assert len(spaces) == from_plan + sum(len(s.questions) or (0 if s.table else 1) for s in sheet.sections), (
            "one writing space per question, and one for a section that only has an instruction"
        )


def test_writing_space_has_the_size_asked_for(site: Site, guide: Guide) -> None:
    html = site.html("/worksheets/follow-up-plan/")
    section = next(s for s in guide.worksheets["follow-up-plan"].sections if s.title == "Progress check-ins")
    for question in section.questions:
        assert re.search(rf'id="cg-progress-check-ins-{question.id}" [^>]*rows="{section.space}"', html)


def test_follow_up_worksheet_offers_a_calendar_reminder(site: Site, guide: Guide) -> None:
    reminder = guide.worksheets["follow-up-plan"].reminder
    assert reminder is not None
    html = site.html("/worksheets/follow-up-plan/")
    assert f'data-cg-reminder="{reminder.title}"' in html
    assert f'value="{reminder.after_weeks}"' in html
    assert "data-cg-reminder" not in site.html("/worksheets/self-assessment/")


def test_role_worksheet_has_moves_questions_and_agenda(site: Site, guide: Guide) -> None:
    role = guide.roles["senior-engineer"]
    text = site.text("/roles/senior-engineer/worksheet/")
    assert "Step up: Staff Engineer" in text
    assert "Strategic thinking (new: level 3)" in text and "Technical craft (level 3 → 4)" in text
    to_staff = text[text.index("Step up: Staff Engineer") : text.index("Step up: Engineering Manager")]
    assert "Data literacy" not in to_staff and "Customer focus" not in to_staff, "only what there is to prepare for"
    for question in guide.questions_for(role):
        assert normalise(question.text) in text
    agenda = guide.templates["agenda"]
    assert normalise(agenda.body.splitlines()[0]) in text


def test_worksheet_index_lists_general_and_role_worksheets(site: Site, guide: Guide) -> None:
    html = site.html("/worksheets/")
    for sheet in guide.worksheets.values():
        assert f'href="{sheet.id}/"' in html
    for role in guide.roles.values():
        assert f'href="../roles/{role.id}/worksheet/"' in html


def test_navigation_lists_templates_and_worksheets(site: Site, guide: Guide) -> None:
    html = site.html("/templates/thank-you/")
    navigation = sidebar(html)
    for template in guide.templates.values():
        assert f'href="../{template.id}/"' in navigation or 'href="./"' in navigation
    html = site.html("/worksheets/")
    navigation = sidebar(html)
    for sheet in guide.worksheets.values():
        assert f'href="{sheet.id}/"' in navigation
