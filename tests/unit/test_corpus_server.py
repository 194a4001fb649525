"""`claimtrail serve-corpus` fills in {{BASE}} so cited pages resolve to the same server."""

from __future__ import annotations

import threading
from functools import partial
from http.server import ThreadingHTTPServer

import httpx

from app.evaluation.corpus_server import CorpusHandler
from tests.conftest import DEV


def test_pages_are_served_with_their_base_filled_in() -> None:
    dev = DEV
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(CorpusHandler, directory=str(dev), origin="http://127.0.0.1:1")
    )
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    server.RequestHandlerClass = partial(CorpusHandler, directory=str(dev), origin=origin)  # type: ignore[assignment]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        page = httpx.get(f"{origin}/dev-08.html")
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert "{{BASE}}" not in page.text and f"{origin}/sources/" in page.text
        assert httpx.get(f"{origin}/sources/pvec-2026-load-forecast.html").status_code == 200
        assert httpx.get(f"{origin}/sources/missing.html").status_code == 404
    finally:
        server.shutdown()
        server.server_close()


def test_a_missing_or_empty_folder_fails_at_once(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from app.cli.main import main

    assert main(["serve-corpus", str(tmp_path / "nope"), "--port", "0"]) == 2
    assert capsys.readouterr().err.strip() == f"serve-corpus: no such folder: {tmp_path / 'nope'}"
    assert main(["serve-corpus", str(tmp_path), "--port", "0"]) == 2
    assert "no .html pages" in capsys.readouterr().err


def test_a_busy_port_fails_with_one_line(capsys) -> None:  # type: ignore[no-untyped-def]
    from app.cli.main import main

    busy = ThreadingHTTPServer(("127.0.0.1", 0), CorpusHandler)
    try:
        port = str(busy.server_address[1])
        assert main(["serve-corpus", str(DEV), "--port", port]) == 2
    finally:
        busy.server_close()
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"serve-corpus: cannot listen on 127.0.0.1:{port}") and "\n" not in err
