"""``hyvinvointi search`` and ``hyvinvointi check --repair-index`` as a user or a support
person runs them: real processes on a demo unit file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from cli_process import run


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "unit.sqlite"
    result = run("demo", str(path), "--years", "3")
    assert result.returncode == 0, result.stderr
    return path


def test_search_prints_kind_date_period_and_the_match(demo: Path) -> None:
    result = run("search", str(demo), "kiusaamista", lang="fi")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines
    kind, date, period, words = lines[0].split("\t")
    assert kind in {"Muistiot", "Toimenpiteet", "Suunnitelmat", "Arvioinnit", "Tulokortit"}
    assert date.count(".") == 2 and "-" in period
    assert "*" in words  # the matched word between asterisks
    swedish = run("search", str(demo), "kiusaamista", lang="sv")
    assert swedish.stdout.splitlines()[0].split("\t")[0] in {
        "Minnesanteckningar",
        "Åtgärder",
        "Planer",
        "Utvärderingar",
        "Resultatkort",
    }


def test_search_json_is_for_scripts_and_filters_by_kind_and_period(demo: Path) -> None:
    result = run("search", str(demo), "turvallisuudesta", "--json")
    assert result.returncode == 0, result.stderr
    everything = json.loads(result.stdout)
    assert everything["total"] >= len(everything["hits"]) > 0
    kinds = {hit["kind"] for hit in everything["hits"]}
    assert len(kinds) > 1
    first = everything["hits"][0]
    assert set(first) >= {"kind", "field", "date", "period", "snippet", "matches", "open"}
    assert first["matches"]
    periods = {hit["period"] for hit in everything["hits"] if hit["period"]}
    period = sorted(periods)[0]
    narrowed = json.loads(
        run(
            "search", str(demo), "turvallisuudesta", "--json", "--kind", "memo", "--period", period
        ).stdout
    )
    assert narrowed["hits"]
    assert {hit["kind"] for hit in narrowed["hits"]} == {"memo"}
    assert {hit["period"] for hit in narrowed["hits"]} == {period}
    unknown = run("search", str(demo), "x", "--period", "1999-2000")
    assert unknown.returncode != 0 and "Traceback" not in unknown.stderr


def test_check_finds_a_damaged_index_and_repair_index_rebuilds_it(
    demo: Path, tmp_path: Path
) -> None:
    path = tmp_path / "unit.sqlite"
    path.write_bytes(demo.read_bytes())
    path.chmod(0o600)
    connection = sqlite3.connect(path)
    rows = connection.execute("SELECT count(*) FROM search_index").fetchone()[0]
    connection.execute("DELETE FROM search_index WHERE rowid % 3 = 0")  # as if damaged
    connection.commit()
    connection.close()
    assert run("search", str(path), "kiusaamista").returncode == 0
    damaged = run("check", str(path), lang="en")
    assert damaged.returncode == 1
    assert "search index" in damaged.stderr and "--repair-index" in damaged.stderr
    repaired = run("check", "--repair-index", str(path), lang="en")
    assert repaired.returncode == 0, repaired.stderr
    assert f"{rows} texts" in repaired.stdout
    assert run("check", str(path)).returncode == 0


def test_search_reads_an_older_file_without_changing_it(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    path.write_bytes((Path(__file__).parent / "fixtures" / "schema_v8.sqlite").read_bytes())
    path.chmod(0o600)
    before = path.read_bytes()
    result = run("search", str(path), "kiusaamista", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["hits"]
    assert path.read_bytes() == before  # still version 8, for the program that wrote it
