"""Successful fetches: decoding by header, BOM, meta and detection; sniffing; headers."""

from __future__ import annotations

import codecs

import pytest
from fetch_testkit import LocalServer

from app.fetch import FetchPolicy, StaticResolver, fetch_page

LOCAL = FetchPolicy(allow_private=True, respect_robots=False, deadline=5.0)
FRENCH = (
    "Le président a déclaré que l’économie française était « très résiliente » malgré la "
    "crise. Les experts ne sont pas d’accord : selon l’INSEE, la croissance a été révisée à "
    "la baisse à 0,8 % cette année, après une hausse des prix de l’énergie. "
)
CAFE = "Café « naïve » — déjà vu: “quoted” words, and ‘single’ ones too. Résumé."


async def test_utf8_page_from_header_charset(server: LocalServer) -> None:
    server.route("/a", f"<html><body><p>{CAFE}</p></body></html>")
    page = await fetch_page(server.url("/a"), policy=LOCAL)
    assert page.status == 200
    assert page.url == page.final_url == server.url("/a")
    assert page.content_type == "text/html"
    assert page.encoding == "utf-8"
    assert CAFE in page.html
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert page.elapsed_ms > 0


async def test_header_charset_wins_over_meta(server: LocalServer) -> None:
    body = f'<html><head><meta charset="utf-8"></head><p>{CAFE}</p></html>'.encode("cp1252")
    server.route("/a", body, content_type="text/html; charset=windows-1252")
    page = await fetch_page(server.url("/a"), policy=LOCAL)
    assert page.encoding == "cp1252"
    assert CAFE in page.html


@pytest.mark.parametrize(
    ("bom", "codec", "expected"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ],
)
async def test_bom_decides_and_is_stripped(
    server: LocalServer, bom: bytes, codec: str, expected: str
) -> None:
    html = f"<html><p>{CAFE}</p></html>"
    # A wrong header charset loses to the BOM, as in browsers.
    server.route("/a", bom + html.encode(codec), content_type="text/html; charset=iso-8859-2")
    page = await fetch_page(server.url("/a"), policy=LOCAL)
    assert page.encoding == expected
    assert page.html == html


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="windows-1252">',
        "<meta charset=windows-1252>",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    ],
)
async def test_meta_charset_when_header_has_none(server: LocalServer, meta: str) -> None:
    body = f"<html><head>{meta}</head><body>{CAFE}</body></html>".encode("cp1252")
    server.route("/a", body, content_type="text/html")
    page = await fetch_page(server.url("/a"), policy=LOCAL)
    assert page.encoding == "cp1252"
    assert CAFE in page.html


@pytest.mark.parametrize(
    ("where", "label"),
    [("header", "ISO-8859-1"), ("meta", "iso-8859-15"), ("meta", "windows-1252"),
     ("header", "gb2312")],
)  # fmt: skip
async def test_a_legacy_label_on_utf8_bytes_reads_as_utf8(
    server: LocalServer, where: str, label: str
) -> None:
    """A server's default charset or a template's old `<meta>` over a UTF-8 body (El Mundo's
    pages declared ISO-8859-15): valid UTF-8 with non-ASCII in it is practically never text
    in a legacy encoding, so the label loses."""
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={label}">'
    head = meta if where == "meta" else ""
    body = f"<html><head>{head}</head><body><p>{FRENCH}</p></body></html>".encode()
    header = f"text/html; charset={label}" if where == "header" else "text/html"
    server.route("/a", body, content_type=header)
    page = await fetch_page(server.url("/a"), policy=LOCAL)
    assert page.encoding == "utf-8"
    assert FRENCH in page.html


async def test_a_legacy_label_on_legacy_bytes_still_decides(server: LocalServer) -> None:
    """Windows-1252 French is not valid UTF-8 (an é alone is one byte), so its label stands."""
    body = f"<html><body><p>{FRENCH}</p></body></html>".encode("cp1252")
    server.route("/a", body, content_type="text/html; charset=iso-8859-15")
    page = await fetch_page(server.url("/a"), policy=LOCAL)
    assert page.encoding == "iso8859-15"
    assert "économie" in page.html


async def test_latin1_label_reads_as_windows_1252(server: LocalServer) -> None:
    server.route(
        "/a", "<p>“smart” quotes</p>".encode("cp1252"), content_type="text/html; charset=ISO-8859-1"
    )
    page = await fetch_page(server.url("/a"), policy=LOCAL)
    assert page.encoding == "cp1252"
    assert "“smart”" in page.html


async def test_detects_utf8_without_any_label(server: LocalServer) -> None:
    server.route("/a", f"<html><body>{CAFE}</body></html>", content_type="text/html")
    page = await fetch_page(server.url("/a"), policy=LOCAL)
    assert page.encoding == "utf-8"
    assert CAFE in page.html


async def test_detects_windows_1252_without_any_label(server: LocalServer) -> None:
    text = FRENCH * 3
    server.route(
        "/a", f"<html><body><p>{text}</p></body></html>".encode("cp1252"), content_type="text/html"
    )
    page = await fetch_page(server.url("/a"), policy=LOCAL)
    assert page.encoding == "cp1252"
    assert FRENCH in page.html


async def test_xhtml_is_accepted(server: LocalServer) -> None:
    server.route("/a", "<html><p>x</p></html>", content_type="application/xhtml+xml")
    page = await fetch_page(server.url("/a"), policy=LOCAL)
    assert page.content_type == "application/xhtml+xml"


@pytest.mark.parametrize("content_type", [None, "", "html", "; charset=utf-8"])
async def test_missing_content_type_is_sniffed(
    server: LocalServer, content_type: str | None
) -> None:
    server.route("/a", "\n  <!DOCTYPE html><html><p>ok</p></html>", content_type=content_type)
    page = await fetch_page(server.url("/a"), policy=LOCAL)
    assert page.content_type == "text/html"
    assert "<p>ok</p>" in page.html


async def test_gzip_body_is_decoded(server: LocalServer) -> None:
    import gzip

    server.route(
        "/a", gzip.compress(f"<p>{CAFE}</p>".encode()), headers=[("Content-Encoding", "gzip")]
    )
    page = await fetch_page(server.url("/a"), policy=LOCAL)
    assert CAFE in page.html


async def test_sends_our_user_agent_and_host(server: LocalServer) -> None:
    server.route("/a", "<p>x</p>")
    resolver = StaticResolver({"news.test": ["127.0.0.1"]})
    await fetch_page(server.url("/a", host="news.test"), policy=LOCAL, resolver=resolver)
    hit = server.hits[-1]
    assert hit.headers["host"] == f"news.test:{server.port}"
    assert hit.headers["user-agent"] == LOCAL.user_agent
    assert hit.headers["accept-encoding"] == "gzip, deflate"
