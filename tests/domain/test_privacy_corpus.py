"""The privacy guard measured on sentences as directors write them (``privacy_corpus/``).

Native Finnish and Finland-Swedish writers wrote the sentences without seeing the guard: a
development sample per language, which the rules were tuned on, and a held-out sample,
which was scanned once the rules were done. Each line says what the guard should find:
``pass`` (community-level text, nothing to find) or a kind and the words it should flag. A
flagged sentence counts as caught when some finding overlaps those words; a pass sentence
with any finding at all, a name of lower prominence included, is a false alarm.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from hyvinvointi_app.domain.privacy import FindingKind, scan

CORPUS = Path(__file__).parent / "privacy_corpus"
SAMPLES = (
    "fi_dev",
    "sv_dev",
    "fi_holdout",
    "sv_holdout",
    "fi_blind",
    "sv_blind",
    "fi_final",
    "sv_final",
    "fi_check",
    "sv_check",
)
EXPECTED_KINDS = {
    "child_name": FindingKind.CHILD_NAME,
    "name": FindingKind.NAME,
    "description": FindingKind.CHILD_DESCRIPTION,
    "email": FindingKind.EMAIL,
    "phone": FindingKind.PHONE,
    "identity_code": FindingKind.IDENTITY_CODE,
    "case_word": FindingKind.CASE_WORD,
}
LEAST_RECALL = 0.95
MOST_FALSE_ALARMS = 0.03


@dataclass(frozen=True)
class Sentence:
    sample: str
    expect: str
    words: str
    text: str
    members: tuple[str, ...]


def read(sample: str) -> list[Sentence]:
    lines = (CORPUS / f"{sample}.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# members:")
    members = tuple(name.strip() for name in lines[0].split(":", 1)[1].split(";"))
    sentences = []
    for line in lines[1:]:
        if not line.strip() or line.startswith("#"):
            continue
        expect, words, text = (part.strip() for part in line.split(" | ", 2))
        assert expect == "pass" or expect in EXPECTED_KINDS, line
        assert (expect == "pass") == (words == "") and words in text, line
        sentences.append(Sentence(sample, expect, words, text, members))
    return sentences


@dataclass
class Score:
    flagged: int = 0
    caught: int = 0
    right_kind: int = 0
    clean: int = 0
    false_alarms: int = 0

    def add(self, sentence: Sentence) -> str | None:
        """Score one sentence; what went wrong, if anything."""
        findings = scan(sentence.text, sentence.members)
        if sentence.expect == "pass":
            self.clean += 1
            if findings:
                self.false_alarms += 1
                return f"false alarm {[(f.kind.value, f.match) for f in findings]}"
            return None
        self.flagged += 1
        start = sentence.text.index(sentence.words)
        end = start + len(sentence.words)
        overlapping = [f for f in findings if f.start < end and start < f.end]
        if not overlapping:
            return f"missed {sentence.expect} {sentence.words!r}"
        self.caught += 1
        self.right_kind += any(f.kind is EXPECTED_KINDS[sentence.expect] for f in overlapping)
        return None

    @property
    def recall(self) -> float:
        return self.caught / self.flagged

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.clean

    def line(self, label: str) -> str:
        return (
            f"{label:<12} recall {self.recall:6.1%} ({self.caught}/{self.flagged}), "
            f"false alarms {self.false_alarm_rate:5.1%} ({self.false_alarms}/{self.clean}), "
            f"kind as expected {self.right_kind}/{self.caught}"
        )


def test_the_corpus_is_large_and_balanced() -> None:
    sentences = [sentence for sample in SAMPLES for sentence in read(sample)]
    assert len(sentences) >= 150
    passing = sum(sentence.expect == "pass" for sentence in sentences)
    assert 0.4 <= passing / len(sentences) <= 0.6
    for language in ("fi", "sv"):
        assert sum(s.sample.startswith(language) for s in sentences) >= 75


def test_recall_and_false_alarms(capsys: pytest.CaptureFixture[str]) -> None:
    scores = {sample: Score() for sample in SAMPLES}
    total = Score()
    problems = []
    for sample in SAMPLES:
        for sentence in read(sample):
            problem = scores[sample].add(sentence)
            total.add(sentence)
            if problem:
                problems.append(f"  {sample}: {problem}: {sentence.text}")
    report = [
        "privacy guard on the corpus:",
        *(score.line(sample) for sample, score in scores.items()),
        total.line("all"),
        *problems,
    ]
    with capsys.disabled():
        print("\n" + "\n".join(report))
    assert total.recall >= LEAST_RECALL, "\n".join(report)
    assert total.false_alarm_rate <= MOST_FALSE_ALARMS, "\n".join(report)
