"""`roadmap report --kind brief`: the page for the governor's meeting, parsed back, and rendered by a
real headless Chromium to a screenshot and to PDF."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, Run, Write
from tests.helpers import duty, roadmap, task
from tests.test_report import HOSTILE, PLAN, SAMPLE_TITLES, client, pdf_text, repr_yaml


class Page(HTMLParser):
    """What a browser would see: the tags, every attribute, and the text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs

    def handle_data(self, data: str) -> None:
        self.texts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.texts).split())


def brief(run: Run, path: Path, *args: str, into: Path | None = None) -> Page:
    """The brief of `path`, written beside it or `into` a folder (never into the shipped data/)."""
    output = (into or path.parent) / "brief.html"
    result = run("report", str(path), "--kind", "brief", "-o", str(output), *args)
    assert result.exit_code == 0, result.stderr
    page = Page()
    page.feed(output.read_text(encoding="utf-8"))
    return page


def test_the_brief_holds_every_item_department_and_state_and_fetches_nothing(
    run: Run, tmp_path: Path
) -> None:
    page = brief(run, SAMPLE, "--as-of", "2026-11-26", "--lang", "ru", into=tmp_path)
    assert "script" not in page.tags
    fetched = [value for name, value in page.attributes if name in ("src", "href") or "url(" in (value or "")]
    assert fetched == []  # no image, font, style sheet or link from anywhere
    assert "Дорожная карта стратегии развития специальной экономической зоны «Актобе»" in page.text
    assert "Управление пассажирского транспорта и автомобильных дорог" in page.text  # names, not ids
    for task_id in [f"SEZ-{number:03d}" for number in range(1, 38)]:
        assert task_id in page.text, task_id
    assert "Просрочено (6)" in page.text and "Риск неисполнения (4)" in page.text
    assert "Перенесённые сроки (2)" in page.text
    assert "30.09.2026 (III квартал 2026 года; перенесён 1 раз, первоначально 30.06.2026)" in page.text
    assert "118 (83)" in page.text  # days late, calendar and working
    assert "svg" in page.tags and "polygon" in page.tags  # the timeline, with its milestones


def test_the_timeline_draws_a_duty_period_and_a_range_as_spans_and_a_day_as_a_point(
    run: Run, write: Write
) -> None:
    text = roadmap(
        duty("D-1", "monthly", "2026-01-01", due_day=10),
        task("R-1", "'III–IV кварталы 2026 года'"),
        task("M-1", "2026-09-15"),
    )
    path = write(text)
    result = run(
        "report", str(path), "--kind", "brief", "-o", str(path.parent / "b.html"), "--as-of", "2026-06-15"
    )
    assert result.exit_code == 0, result.stderr
    chart = (path.parent / "b.html").read_text(encoding="utf-8").split("<svg", 1)[1]
    marks = re.findall(r"<(rect|polygon) ([^>]*)>", chart)
    spans = [attributes for tag, attributes in marks if tag == "rect"]
    assert len([a for a in spans if "fill-opacity" in a]) == 1  # the duty's period: May, due 10 June
    assert len([tag for tag, _attributes in marks if tag == "polygon"]) == 1  # M-1, one day
    bars = [re.findall(r'width="([0-9.]+)"', each) for each in spans if 'height="9"' in each]
    assert len(bars) == 2 and min(float(width) for [width] in bars) > 20  # across their days, not points


def test_one_departments_brief_has_only_its_items(run: Run, write: Write) -> None:
    page = brief(run, write(PLAN), "--as-of", "2026-06-15", "--department", "roads")
    assert "7.2" in page.text and "7.1 " not in page.text and "T-5" not in page.text


def test_hostile_titles_are_text_in_the_brief(run: Run, write: Write) -> None:
    text = roadmap(*(task(f"T-{n}", "2026-06-01", title=repr_yaml(title)) for n, title in enumerate(HOSTILE)))
    page = brief(run, write(text), "--as-of", "2026-06-15")
    assert "script" not in page.tags and page.tags.count("b") == 6  # the six headline figures only
    assert "<script>alert(1)</script> & <b>bold</b>" in page.text  # shown as written
    assert "line\\x07bell\\x1b[31mred" in page.text and "\\u202e" in page.text


def test_the_brief_is_html_only_and_a_section_is_the_execution_reports(run: Run, write: Write) -> None:
    path = write(PLAN)
    wrong = run("report", str(path), "--kind", "brief", "-o", str(path.parent / "brief.docx"))
    assert wrong.exit_code == 2 and "--kind brief is written as html, not docx" in wrong.stderr
    section = run("report", str(path), "--kind", "brief", "-o", str(path.parent / "b.html"), "--section", "7")
    assert section.exit_code == 2 and not (path.parent / "b.html").exists()


# ---- a real browser ------------------------------------------------------------------------------


def headless(browser: str, profile: Path, *args: str) -> None:
    # The flags keep a headless Chromium from reaching for the network this machine does not have.
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
    ]
    subprocess.run([browser, *flags, *args], capture_output=True, timeout=120, check=False)


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_chromium_renders_and_prints_the_brief_of_the_sample(run: Run, tmp_path: Path, language: str) -> None:
    browser = client("chromium", "chromium-browser", install="apt-get install chromium")
    page = tmp_path / "brief.html"
    result = run(
        "report", str(SAMPLE), "--kind", "brief", "-o", str(page), "--as-of", "2026-11-26", "--lang", language
    )
    assert result.exit_code == 0, result.stderr
    screenshot, pdf = tmp_path / "brief.png", tmp_path / "brief.pdf"
    headless(
        browser, tmp_path / "profile", "--window-size=1400,2000", f"--screenshot={screenshot}", page.as_uri()
    )
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    headless(browser, tmp_path / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    text = " ".join(pdf_text(pdf).split())
    assert SAMPLE_TITLES[language] in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert 1 <= pages <= 5  # the sample's brief: a few A4 pages, landscape
    assert "841" in re.search(r"Page size:.*", info).group(0)  # type: ignore[union-attr]
