"""The plan evaluation summary: one plan's evaluations over time, by operating period."""

from __future__ import annotations

from hyvinvointi_app.domain.enums import EvaluationMethod, Role
from hyvinvointi_app.reports.blocks import (
    DATE_MM,
    Block,
    Facts,
    Grid,
    Heading,
    Keep,
    PageFrame,
    Para,
    Subtitle,
    Title,
    labelled,
)
from hyvinvointi_app.reports.common import NameRoles, person, typed_person, unit_name
from hyvinvointi_app.reports.options import ReportOptions
from hyvinvointi_app.reports.texts import ReportTexts, document_name
from hyvinvointi_app.services.evaluations import EvaluationView
from hyvinvointi_app.services.plans import standard_question
from hyvinvointi_app.services.report_data import EvaluationSummaryData


def document_type(tx: ReportTexts) -> str:
    return document_name(tx, "evaluation")


def page_frame(data: EvaluationSummaryData, tx: ReportTexts, options: ReportOptions) -> PageFrame:
    unit = unit_name(data.unit, tx)
    kind = document_type(tx)
    plan = data.history.plan
    return PageFrame(
        unit_name=unit,
        document_type=kind,
        document_date=tx.date(options.created_at().date()),
        page_word=tx.pgettext("report", "Page"),
        title=f"{kind}: {plan.name}",
        subject=tx.pgettext("report", "Evaluations of the plan {plan} over time", plan=plan.name),
        keywords=", ".join([unit, plan.name]),
        language=tx.pdf_language,
    )


def _methods(tx: ReportTexts, e: EvaluationView) -> str:
    return ", ".join(tx.label(EvaluationMethod(m)) for m in e.methods)


def _question(tx: ReportTexts, key: str, question: str) -> str:
    """A standard checklist question in the document's language; a plan's own as asked."""
    texts = standard_question(key, question)
    if texts is None:
        return question
    return tx.stored(texts)


def _evaluation(
    tx: ReportTexts, e: EvaluationView, names: NameRoles, with_names: bool
) -> list[Block]:
    meeting = (
        tx.pgettext("report", "Meeting {number}", number=e.meeting_number)
        if e.meeting_number is not None
        else ""
    )
    head: list[Block] = [
        # not an f-string: the catalog extractor finds only plain calls
        Heading(tx.pgettext("report", "Evaluation") + " " + tx.date(e.date), 3),
        Facts(
            [
                (tx.pgettext("report", "Meeting"), meeting),
                (tx.pgettext("report", "Methods"), _methods(tx, e)),
                (
                    tx.pgettext("report", "Participants"),
                    ", ".join(tx.label(Role(r)) for r in e.participant_roles),
                ),
                (
                    tx.pgettext("report", "Conclusion"),
                    tx.label(e.conclusion) if e.conclusion else "",
                ),
                (
                    tx.pgettext("report", "To be updated by"),
                    typed_person(tx, e.update_by, names, with_names),
                ),
                (tx.pgettext("report", "By date"), tx.date(e.update_due)),
            ],
            0.25,
        ),
    ]
    story: list[Block] = [Keep(head)]
    story += labelled(tx.pgettext("report", "Current state"), e.current_state)
    story += labelled(tx.pgettext("report", "Strengths"), e.strengths)
    story += labelled(tx.pgettext("report", "Development areas"), e.development_areas)
    if e.checks:
        story.append(
            Grid(
                [
                    tx.pgettext("report", "Question"),
                    tx.pgettext("report", "Answer"),
                    tx.pgettext("report", "Note"),
                ],
                [
                    [
                        _question(tx, c.key, c.question),
                        tx.label(c.answer) if c.answer else "",
                        c.note,
                    ]
                    for c in e.checks
                ],
                [5, 1.5, 3],
            )
        )
    return story


def build_blocks(data: EvaluationSummaryData, options: ReportOptions) -> list[Block]:
    tx = ReportTexts(options.language)
    plan = data.history.plan
    story: list[Block] = [
        Title(document_type(tx)),
        Subtitle(plan.name),
        Facts(
            [
                (tx.pgettext("report", "Unit"), unit_name(data.unit, tx)),
                (tx.pgettext("report", "Plan type"), tx.label(plan.type)),
                (tx.pgettext("report", "Version"), plan.version),
                (
                    tx.pgettext("report", "Owner"),
                    typed_person(tx, plan.owner, data.name_roles, options.with_names),
                ),
                (tx.pgettext("report", "Approved on"), tx.date(plan.approved_on)),
                (tx.pgettext("report", "Next review due"), tx.date(plan.next_review_due)),
                (tx.pgettext("report", "Date of report"), tx.date(options.created_at().date())),
            ]
        ),
        Heading(tx.pgettext("report", "Evaluations at a glance")),
    ]
    everything = [(group, e) for group in data.history.periods for e in group.evaluations]
    if not everything:
        story.append(Para(tx.pgettext("report", "The plan has not been evaluated yet.")))
    else:
        story.append(
            Grid(
                [
                    tx.pgettext("report", "Date"),
                    tx.pgettext("report", "Operating period"),
                    tx.pgettext("report", "Methods"),
                    tx.pgettext("report", "Conclusion"),
                ],
                [
                    [
                        tx.date(e.date),
                        group.label or "\u2013",
                        _methods(tx, e),
                        tx.label(e.conclusion) if e.conclusion else "",
                    ]
                    for group, e in everything
                ],
                [1, 1, 4, 2.2],
                {0: DATE_MM, 1: 35},
            )
        )
    for group in data.history.periods:
        title = (
            tx.pgettext("report", "Operating period") + f" {group.label}"
            if group.label
            else tx.pgettext("report", "Outside any operating period")
        )
        story.append(Heading(title))
        for e in group.evaluations:
            story += _evaluation(tx, e, data.name_roles, options.with_names)
    story.append(Heading(tx.pgettext("report", "Result cards")))
    if not data.cards:
        story.append(Para(tx.pgettext("report", "No result cards were made from this plan.")))
    for card in data.cards:
        block: list[Block] = [
            Heading(card.what_to_change, 3),
            Facts(
                [
                    (tx.pgettext("report", "Current state"), card.current_state),
                    (tx.pgettext("report", "Target state"), card.target_state),
                    (tx.pgettext("report", "Ideal state"), card.ideal_state),
                    (tx.pgettext("report", "Status"), tx.label(card.status)),
                ],
                0.25,
            ),
        ]
        if card.checkpoints:
            block.append(
                Grid(
                    [
                        tx.pgettext("report", "Checkpoint"),
                        tx.pgettext("report", "Responsible"),
                        tx.pgettext("report", "Value or note"),
                    ],
                    [
                        [
                            tx.date(c.due_date),
                            person(
                                tx,
                                c.responsible_role,
                                c.responsible_name,
                                options.with_names,
                                c.responsible_text,
                                data.name_roles,
                            ),
                            c.value_note,
                        ]
                        for c in card.checkpoints
                    ],
                    [1, 2.5, 5],
                    {0: 35},
                )
            )
        story.append(Keep(block))  # a card's fields stay with its checkpoints
    return story
