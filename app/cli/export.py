"""`claimtrail export --format csv|jsonl [--batch ID | --domain D]`: claims through the API."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import BinaryIO

import httpx

from app.cli.api_client import ApiError, add_api_arguments, api_client, check, pages, unreachable

__all__ = ["add_export_parser"]


def _article_ids(client: httpx.Client, args: argparse.Namespace) -> Iterator[str]:
    """The articles to export: a batch's (its succeeded jobs), a domain's, or every one."""
    if args.batch:
        check(client.get(f"/v1/batches/{args.batch}", params={"limit": 1}))  # 404 if unknown
        seen: set[str] = set()
        for job in pages(client, "/v1/jobs", batch_id=args.batch, status="succeeded"):
            if job["article_id"] and job["article_id"] not in seen:
                seen.add(job["article_id"])
                yield job["article_id"]
        return
    for article in pages(client, "/v1/articles", domain=args.domain):
        yield article["id"]


def _without_header(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """A CSV stream minus its first line (the header, which never holds a line break)."""
    head = b""
    for chunk in chunks:
        head += chunk
        if b"\n" in head:
            yield head.split(b"\n", 1)[1]
            yield from chunks
            return


def _export(client: httpx.Client, args: argparse.Namespace, out: BinaryIO) -> int:
    params = {"format": args.format, "citation_state": args.citation_state, "kind": args.kind}
    params = {k: v for k, v in params.items() if v}
    count = 0
    for article_id in _article_ids(client, args):
        with client.stream("GET", f"/v1/articles/{article_id}/claims", params=params) as answer:
            if answer.status_code != 200:
                answer.read()
                check(answer)
            chunks = answer.iter_bytes()
            if args.format == "csv" and count:
                chunks = _without_header(chunks)
            for chunk in chunks:
                out.write(chunk)
        count += 1
    if args.format == "csv" and not count:
        out.write(b"article_id,article_url,claim_id\r\n")
    print(f"export: {count} article(s)", file=sys.stderr)
    return 0


def _run(args: argparse.Namespace) -> int:
    try:
        with api_client(args, timeout=300) as client:
            if args.out:
                with open(args.out, "wb") as out:
                    return _export(client, args, out)
            return _export(client, args, sys.stdout.buffer)
    except httpx.TransportError as exc:
        print(f"export: {unreachable(args.api, exc)}", file=sys.stderr)
    except ApiError as exc:
        print(f"export: {exc}", file=sys.stderr)
    return 2


def add_export_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register `claimtrail export`."""
    export = commands.add_parser(
        "export",
        help="write claims as CSV or JSON lines, through the HTTP API",
        description="Every claim of a batch's articles, a domain's, or all stored articles, "
        "fetched from a running claimtrail API (GET /v1/articles/{id}/claims?format=…). "
        "CSV has one header row; JSON lines are claim resources with article_id and "
        "article_url.",
    )
    export.add_argument("--format", choices=("csv", "jsonl"), default="csv", help="default csv")
    scope = export.add_mutually_exclusive_group()
    scope.add_argument("--batch", metavar="ID", help="only this batch's articles")
    scope.add_argument("--domain", metavar="D", help="only articles of this registrable domain")
    export.add_argument(
        "--citation-state", choices=("cited", "attributed", "uncited"), help="only these claims"
    )
    export.add_argument("--kind", help="only claims of this kind (numeric, quote, …)")
    export.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    add_api_arguments(export)
    export.set_defaults(run=_run)
