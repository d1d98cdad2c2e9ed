"""A survey's counts as the memo and the annual report print them: a compact table with a
bar per option or statement. A result answered by fewer than the unit's minimum prints the
words "fewer than N answers" and no counts, so that nobody can be recognised by them; what
is withheld at a meeting is left out of the period's totals too
(:func:`~hyvinvointi_app.services.surveys.shown_counts`, the one rule)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hyvinvointi_app.domain.enums import VoiceKind
from hyvinvointi_app.reports.blocks import (
    DATE_MM,
    BarGrid,
    Block,
    Chart,
    Charts,
    Grid,
    Keep,
    Para,
    Space,
)
from hyvinvointi_app.reports.texts import ReportTexts
from hyvinvointi_app.services.memo_record import RecordedTally
from hyvinvointi_app.services.surveys import (
    SCALE,
    SurveyInPeriod,
    TallyInput,
    Texts,
    shown_counts,
    withheld,
)

COUNT_MM = 24.0
"""A count column: "Valintoja" / "Val" over a number, on one line."""
VALUE_COLUMNS = 3
"""Meetings (and the previous period) side by side in one table of the annual report; more
go to a table of their own below, so that the texts keep their width."""
CHARTS_IN_A_ROW = 4


def survey_text(tx: ReportTexts, texts: Texts) -> str:
    """A survey's typed text in the document's language(s), Finnish where Swedish is missing."""
    return tx.stored({"fi": texts.fi, "sv": texts.sv})


def fewer_than(tx: ReportTexts, minimum: int) -> str:
    return tx.pgettext("report", "fewer than {minimum} answers", minimum=tx.number(minimum))


def mean(counts: tuple[int, ...]) -> Decimal | None:
    """The mean of the answers 1–5, to one decimal (half up); None when nobody answered."""
    answered = sum(counts)
    if not answered:
        return None
    total = Decimal(sum(a * c for a, c in zip(SCALE, counts, strict=True))) / answered
    return total.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


# -- a meeting's counts in its memo ---------------------------------------------------------


def _memo_tally(tally: RecordedTally) -> tuple[TallyInput, list[int]]:
    """A recorded tally as the counts it holds, with its items' ids (their places)."""
    answers = (0,) if tally.kind is VoiceKind.CHILDREN else SCALE
    counts = tuple(
        (place, answer, count)
        for place, item in enumerate(tally.items)
        for answer, count in zip(answers, item.counts, strict=True)
        if count
    )
    return TallyInput(tally.groups, tally.respondents, counts), list(range(len(tally.items)))


def _children(tx: ReportTexts, tally: RecordedTally) -> list[Block]:
    counted, places = _memo_tally(tally)
    story: list[Block] = [
        Para(
            tx.pgettext(
                "report",
                "Children's groups asked: {groups}. Children who answered: {count}.",
                groups=tx.number(tally.groups or 0),
                count=tx.number(tally.respondents),
            )
        )
    ]
    if withheld(tally.respondents, tally.min_answers):
        return [*story, Para(fewer_than(tx, tally.min_answers) + ".", "note")]
    rows, shares = [], []
    for place, item in zip(places, tally.items, strict=True):
        (count,) = shown_counts(tally.kind, counted, place, tally.min_answers) or (0,)
        rows.append([survey_text(tx, Texts(item.text_fi, item.text_sv)), tx.number(count)])
        shares.append([count / tally.respondents])
    grid = Grid(
        [tx.pgettext("report", "Option"), tx.pgettext("report", "Chosen by")],
        rows,
        [4, 1],
        {1: COUNT_MM},
    )
    return [*story, BarGrid(grid, shares)]


def _guardians(tx: ReportTexts, tally: RecordedTally) -> list[Block]:
    counted, places = _memo_tally(tally)
    story: list[Block] = [
        Para(
            tx.pgettext(
                "report", "Guardians who answered: {count}.", count=tx.number(tally.respondents)
            )
        )
    ]
    if withheld(tally.respondents, tally.min_answers):
        return [*story, Para(fewer_than(tx, tally.min_answers) + ".", "note")]
    rows: list[list[str]] = []
    shares: list[list[float]] = []
    for place, item in zip(places, tally.items, strict=True):
        text = survey_text(tx, Texts(item.text_fi, item.text_sv))
        counts = shown_counts(tally.kind, counted, place, tally.min_answers)
        if counts is None:
            rows.append([text, fewer_than(tx, tally.min_answers), "", ""])
            shares.append([])
            continue
        average = mean(counts)
        rows.append(
            [
                text,
                tx.number(sum(counts)),
                " · ".join(tx.number(c) for c in counts),
                tx.tenths(average) if average is not None else "",
            ]
        )
        shares.append([c / sum(counts) for c in counts])
    grid = Grid(
        [
            tx.pgettext("report", "Statement"),
            tx.pgettext("report", "Answers"),
            tx.pgettext("report", "Answers 1–5"),
            tx.pgettext("report", "Average"),
        ],
        rows,
        [4, 1, 1.6, 1],
        {1: 26, 3: 24},
    )
    scale = tx.pgettext(
        "report",
        "Scale: 1 = fully disagree, 2 = somewhat disagree, 3 = neither agree nor "
        "disagree, 4 = somewhat agree, 5 = fully agree. The bar shows the answers "
        "1–5 from light to dark.",
    )
    return [*story, BarGrid(grid, shares, 30), Para(scale, "note")]


def tally_blocks(tx: ReportTexts, tally: RecordedTally) -> list[Block]:
    """One survey's results in a memo: its title, who answered, and the counts (or why not)."""
    title = Para(survey_text(tx, Texts(tally.title_fi, tally.title_sv)), "label")
    body = _children(tx, tally) if tally.kind is VoiceKind.CHILDREN else _guardians(tx, tally)
    return [Keep([title, body[0]]), *body[1:]]


# -- a period's results in the annual report ------------------------------------------------


def _cell(tx: ReportTexts, result: SurveyInPeriod, tally: TallyInput, item_id: int) -> str:
    """An option's count and share of the children, or a statement's average and answers."""
    kind, minimum = result.survey.kind, result.min_answers
    counts = shown_counts(kind, tally, item_id, minimum)
    if counts is None:
        return fewer_than(tx, minimum)
    if kind is VoiceKind.CHILDREN:
        return f"{tx.number(counts[0])} ({tx.share(counts[0] / tally.respondents)})"
    average = mean(counts)
    if average is None:
        return ""
    return f"{tx.tenths(average)} (n = {tx.number(sum(counts))})"


def _bar(
    tx: ReportTexts, result: SurveyInPeriod, label: str, tally: TallyInput, item_id: int
) -> tuple[str, float, str]:
    kind, minimum = result.survey.kind, result.min_answers
    counts = shown_counts(kind, tally, item_id, minimum)
    if counts is None:
        return (label, 0.0, f"< {tx.number(minimum)}")
    if kind is VoiceKind.CHILDREN:
        share = counts[0] / tally.respondents
        return (label, share, tx.share(share))
    average = mean(counts) or Decimal(0)
    return (label, float(average), tx.tenths(average))


def period_blocks(tx: ReportTexts, result: SurveyInPeriod, period_label: str) -> list[Block]:
    """One survey in the annual report: each meeting's counts and the previous period's in a
    table, then a chart per option or statement of this period against the previous one."""
    survey = result.survey
    children = survey.kind is VoiceKind.CHILDREN
    columns = [(tx.date(m.date), m.tally) for m in result.meetings]
    previous = result.previous_total
    if previous is not None:
        columns.append((result.previous_label, previous))
    first_header = (
        tx.pgettext("report", "Option") if children else tx.pgettext("report", "Statement")
    )
    answered = (
        tx.pgettext("report", "Children who answered")
        if children
        else tx.pgettext("report", "Guardians who answered")
    )
    grids: list[Block] = []
    for start in range(0, len(columns), VALUE_COLUMNS):
        shown = columns[start : start + VALUE_COLUMNS]
        rows = [[answered, *(tx.number(tally.respondents) for _label, tally in shown)]]
        rows += [
            [survey_text(tx, item.text), *(_cell(tx, result, t, item.id) for _l, t in shown)]
            for item in survey.items
        ]
        width = DATE_MM + 8
        fixed = {n + 1: width for n in range(len(shown))}
        headers = [first_header, *(label for label, _tally in shown)]
        grids.append(Grid(headers, rows, [4] + [1] * len(shown), fixed))
    story: list[Block] = [
        Space(4),  # air under the charts of the survey before
        Keep([Para(survey_text(tx, survey.title), "label"), grids[0]]),
        *grids[1:],
    ]
    note = (
        tx.pgettext(
            "report",
            "Each cell: how many children chose the option, and their share of those who answered.",
        )
        if children
        else tx.pgettext(
            "report",
            "Each cell: the average of the answers from 1 (fully disagree) to 5 (fully "
            "agree), and how many answered.",
        )
    )
    left_out = tx.pgettext(
        "report",
        "A period's figures leave out the results with fewer than {minimum} answers.",
        minimum=tx.number(result.min_answers),
    )
    story += [Para(note, "note"), Para(left_out, "note")]
    compared = [(period_label, result.total)]
    if previous is not None:
        compared.insert(0, (result.previous_label, previous))
    charts = [
        (survey_text(tx, item.text), [_bar(tx, result, label, t, item.id) for label, t in compared])
        for item in survey.items
    ]
    top = max([0.1, *(b[1] for _title, bars in charts for b in bars)]) if children else 5.0
    for start in range(0, len(charts), CHARTS_IN_A_ROW):
        chunk = charts[start : start + CHARTS_IN_A_ROW]
        story.append(Charts([Chart(title, bars, top) for title, bars in chunk], CHARTS_IN_A_ROW))
    return story
