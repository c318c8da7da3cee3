"""Reading files: formats, titles, encodings, and one-line reasons to skip."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from index.sources import SourceError, read_source
from tests.conftest import ARTICLES, SEED

TEXT = "Café owners say “prices” rose — again.\n\nSecond paragraph, naïve reader.\n"


def test_txt_headline_line_becomes_title() -> None:
    source = read_source(ARTICLES / "rates.txt")
    assert source.title == "Central bank holds interest rates steady"
    assert source.title_span is not None
    assert source.title_span.text(source.text) == source.title
    assert source.text == (ARTICLES / "rates.txt").read_text(encoding="utf-8")


def test_seed_text_is_byte_for_byte_and_titled_by_metadata() -> None:
    source = read_source(SEED)
    assert source.text.encode("utf-8") == SEED.read_bytes()
    assert source.title_span is None  # the article has no headline line
    assert "Nagorno-Karabakh" in source.title
    assert source.date is None and source.source is None  # nothing invented


def test_txt_without_headline_takes_first_sentence(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Officials said the bridge would reopen. Traffic is expected to ease.\nMore text.\n", encoding="utf-8")
    source = read_source(path)
    assert source.title == "Officials said the bridge would reopen."
    assert source.title_span is None


def test_markdown_front_matter() -> None:
    source = read_source(ARTICLES / "harvest.md")
    assert source.title == "Farmers report a record harvest"
    assert source.date == "2021-09-14"
    assert source.source == "The Valley Courier"
    assert source.url == "https://example.org/harvest"
    assert source.text.startswith("Farmers across the valley")
    assert "---" not in source.text


def test_markdown_heading_is_title(tmp_path: Path) -> None:
    path = tmp_path / "h.md"
    path.write_text("# Storm closes ports\n\nThe storm closed every port on the coast.\n", encoding="utf-8")
    source = read_source(path)
    assert source.title == "Storm closes ports"
    assert source.title_span is not None and source.title_span.text(source.text) == "Storm closes ports"


def test_markdown_bad_front_matter_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: [unclosed\n---\nBody text here.\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        read_source(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_html_main_text_title_and_date() -> None:
    source = read_source(ARTICLES / "election.html")
    assert source.title == "Election results announced"
    assert source.date == "2022-05-03"
    assert "electoral commission announced" in source.text
    assert "Subscribe to our newsletter" not in source.text
    assert "Home" not in source.text.split("\n")[0]


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str) -> None:
    text = TEXT if encoding not in ("latin-1",) else TEXT.replace("“", '"').replace("”", '"').replace("—", "-")
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    if encoding == "utf-16":
        assert path.read_bytes().startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    source = read_source(path)
    assert source.text == text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"text with a \x00 NUL byte", "NUL"),
    ],
)
def test_unreadable_files_get_one_line_reasons(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(SourceError) as info:
        read_source(path)
    message = str(info.value)
    assert reason in message and str(path) in message and "\n" not in message


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_bytes(b"whatever")
    with pytest.raises(SourceError, match="unsupported file type"):
        read_source(path)


def test_author_from_front_matter_sidecar_and_html(tmp_path: Path) -> None:
    md = tmp_path / "story.md"
    md.write_text("---\ntitle: Bridge reopens\nauthor: Ana Ruiz\n---\nThe bridge reopened on Monday, officials said.\n", encoding="utf-8")
    assert read_source(md).author == "Ana Ruiz"
    txt = tmp_path / "note.txt"
    txt.write_text("Bridge reopens\n\nThe bridge reopened on Monday, officials said.\n", encoding="utf-8")
    (tmp_path / "note.meta.toml").write_text('author = "Lee Park"\nsource = "Courier"\n', encoding="utf-8")
    source = read_source(txt)
    assert (source.author, source.source, source.title) == ("Lee Park", "Courier", "Bridge reopens")
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><title>Bridge reopens</title><meta name="author" content="Sam Okafor"></head><body><article>'
        "<h1>Bridge reopens</h1><p>The bridge over the river reopened on Monday after two years of repairs, officials said.</p>"
        "<p>Traffic is expected to ease across the town centre within a week, the council added.</p></article></body></html>",
        encoding="utf-8",
    )
    assert read_source(page).author == "Sam Okafor"


def test_a_file_named_by_its_date_is_dated_unless_its_metadata_says_otherwise(tmp_path: Path) -> None:
    dated = tmp_path / "2020-09-28_fighting_resumes.txt"
    dated.write_text(TEXT, encoding="utf-8")
    assert read_source(dated).date == "2020-09-28"
    for name in ("2020-13-40_not_a_date.txt", "20200928.txt", "report-2020-09-28.txt"):
        other = tmp_path / name
        other.write_text(TEXT, encoding="utf-8")
        assert read_source(other).date is None, name
    sidecar = tmp_path / "2021-01-01_with_meta.md"
    sidecar.write_text("---\ndate: 2020-10-03\n---\n\n" + TEXT, encoding="utf-8")
    assert read_source(sidecar).date == "2020-10-03"
