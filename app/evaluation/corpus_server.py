"""`claimtrail serve-corpus DIR`: serve an annotated corpus with `{{BASE}}` filled in."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

__all__ = ["add_serve_corpus_parser"]


class CorpusHandler(SimpleHTTPRequestHandler):
    """Static files, with `{{BASE}}` in HTML pages replaced by this server's origin."""

    def __init__(self, *args: object, origin: str, **kwargs: object) -> None:
        self.origin = origin
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        path = Path(self.translate_path(self.path))
        if path.suffix != ".html" or not path.is_file():
            super().do_GET()
            return
        body = path.read_text(encoding="utf-8").replace("{{BASE}}", self.origin).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _serve(args: argparse.Namespace) -> int:
    folder = Path(args.corpus_dir)
    if not folder.is_dir():
        print(f"serve-corpus: no such folder: {folder}", file=sys.stderr)
        return 2
    if not any(folder.glob("*.html")):
        print(f"serve-corpus: no .html pages in {folder}", file=sys.stderr)
        return 2
    origin = f"http://{args.host}:{args.port}"
    handler = partial(CorpusHandler, directory=str(folder.resolve()), origin=origin)
    try:
        server = ThreadingHTTPServer((args.host, args.port), handler)
    except OSError as exc:
        print(
            f"serve-corpus: cannot listen on {args.host}:{args.port}: {exc.strerror}",
            file=sys.stderr,
        )
        return 2
    print(f"serving {args.corpus_dir} at {origin}/ (e.g. {origin}/dev-01.html); Ctrl-C stops")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def add_serve_corpus_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register `claimtrail serve-corpus`."""
    serve = commands.add_parser("serve-corpus", help="serve a corpus folder over HTTP locally")
    serve.add_argument("corpus_dir", help="a folder of .html pages (e.g. tests/corpus/dev)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.set_defaults(run=_serve)
