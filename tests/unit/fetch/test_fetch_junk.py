"""Junk bodies fail as `not_text`, cut-short bodies as `truncated`; real pages still pass."""

from __future__ import annotations

import codecs
import gzip
import random
from pathlib import Path

import pytest
from fetch_testkit import LocalServer

from app.fetch import FetchError, FetchPolicy, fetch_page
from app.fetch.charset import decode_html
from app.fetch.text_check import check_page_text

LOCAL = FetchPolicy(allow_private=True, respect_robots=False, deadline=3.0)
CORPUS = Path(__file__).resolve().parents[2] / "corpus"
PAGE = (
    "<!doctype html><html><head><title>Budget</title></head><body><article>"
    + "<p>The council approved a budget of four million on Tuesday evening.</p>" * 40
    + "</article></body></html>"
)
NOISE = random.Random(7).randbytes(60_000)  # the same "random" bytes every run


async def fetch_error(url: str) -> FetchError:
    with pytest.raises(FetchError) as caught:
        await fetch_page(url, policy=LOCAL)
    return caught.value


@pytest.mark.parametrize(
    "content_type",
    [
        "text/html",
        "text/html; charset=utf-8",
        "text/html; charset=iso-8859-1",
        "text/html; charset=shift_jis",
        "text/html; charset=utf-16",
    ],
)
async def test_random_bytes_as_html_are_not_text(server: LocalServer, content_type: str) -> None:
    server.route("/noise", b"<html><body><p>" + NOISE, content_type=content_type)
    error = await fetch_error(server.url("/noise"))
    assert (error.code, error.retryable) == ("not_text", False)


@pytest.mark.parametrize("label", ["utf-16", "utf-16le", "utf-16be", "utf-32"])
async def test_utf8_labelled_as_a_wide_encoding_is_not_text(
    server: LocalServer, label: str
) -> None:
    server.route("/wide", PAGE.encode(), content_type=f"text/html; charset={label}")
    assert (await fetch_error(server.url("/wide"))).code == "not_text"


async def test_a_body_shorter_than_its_content_length_is_truncated(server: LocalServer) -> None:
    server.route("/cut", PAGE.encode()[:300], headers=[("Content-Length", str(len(PAGE)))])
    error = await fetch_error(server.url("/cut"))
    assert (error.code, error.retryable) == ("truncated", True)


async def test_a_gzip_stream_that_stops_early_is_truncated(server: LocalServer) -> None:
    # The length header matches what is sent: only the stream itself shows the cut.
    whole = gzip.compress(PAGE.encode())
    cut = whole[: len(whole) // 2]
    server.route("/cutgz", cut, headers=[("Content-Encoding", "gzip")])
    assert (await fetch_error(server.url("/cutgz"))).code == "truncated"


async def test_a_chunked_body_without_its_last_chunk_is_truncated(server: LocalServer) -> None:
    chunk = PAGE.encode()[:500]
    body = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"  # no terminating 0-size chunk
    server.route("/cutchunk", body, headers=[("Transfer-Encoding", "chunked")], send_length=False)
    assert (await fetch_error(server.url("/cutchunk"))).code == "truncated"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Городской совет утвердил бюджет в четыре миллиона рублей во вторник.", "windows-1251"),
        ("市議会は火曜日に四百万円の予算を承認した。", "shift_jis"),
        ("Le conseil a approuvé un budget de quatre millions d'euros mardi.", "iso-8859-1"),
        ("Der Stadtrat hat am Dienstag einen Haushalt gebilligt.", "utf-16"),
    ],
)
async def test_pages_in_other_labelled_charsets_still_pass(
    server: LocalServer, text: str, encoding: str
) -> None:
    html = f"<html><head><title>t</title></head><body><p>{text}</p></body></html>" * 30
    body = html.encode(encoding)  # Python's utf-16 writes a BOM, as UTF-16 pages have
    server.route("/page", body, content_type=f"text/html; charset={encoding}")
    page = await fetch_page(server.url("/page"), policy=LOCAL)
    assert text in page.html


async def test_a_complete_page_and_an_unlabelled_length_pass(server: LocalServer) -> None:
    server.route("/whole", PAGE)
    server.route("/eof", PAGE, send_length=False)  # read to the connection's end
    gz = gzip.compress(PAGE.encode())
    server.route("/gz", gz, headers=[("Content-Encoding", "gzip")])
    for path in ("/whole", "/eof", "/gz"):
        assert (await fetch_page(server.url(path), policy=LOCAL)).html == PAGE


def test_a_few_stray_control_characters_do_not_make_junk() -> None:
    stray = PAGE.replace("four", "fo\x0bur", 10).replace("Tuesday", "Tues\ufffdday", 5)
    check_page_text(stray, "x")
    with pytest.raises(FetchError):
        check_page_text(PAGE.replace("o", "\x01"), "x")


def test_text_with_no_markup_is_not_text() -> None:
    with pytest.raises(FetchError, match="no HTML markup"):
        check_page_text(PAGE.encode().decode("utf-16-le", errors="replace"), "utf-16-le")


def test_no_stored_corpus_page_is_junk() -> None:
    pages = sorted(CORPUS.glob("*/*.html"))
    assert len(pages) > 60 and any(p.parent.name == "real" for p in pages)
    for path in pages:
        body = path.read_bytes()
        text, encoding = decode_html(body, None)
        check_page_text(text, encoding)  # raises on a false positive
        # ... and as a server labelling it UTF-8 would send it.
        check_page_text(*decode_html(body.removeprefix(codecs.BOM_UTF8), "utf-8"))


def test_the_junk_count_is_the_regexs_on_any_text() -> None:
    """`junk_share` counts in UTF-8 bytes for speed; it must count what `_JUNK` matches."""
    from app.fetch.text_check import _JUNK, junk_share

    rng = random.Random(11)
    edges = [*range(0x00, 0x300), 0xFFFD, 0xFFFE, 0xFFFF, 0xD800, 0xDFFF, 0x2019, 0x1F600]
    texts = ["", "plain ascii <p>", "\x00" * 20, "\u00a0\u0085\ufffd\uffff\ud800x"]
    texts += [
        "".join(chr(rng.choice(edges)) for _ in range(rng.randint(1, 60))) for _ in range(3000)
    ]
    texts += ["".join(chr(rng.randint(0, 0x10FFFF)) for _ in range(40)) for _ in range(300)]
    for text in texts:
        expected = len(_JUNK.findall(text))
        assert junk_share(text) == (expected, expected / max(len(text), 1)), repr(text)
