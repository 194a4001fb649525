"""`claimtrail up | api | worker | migrate | eval | train-checkworthy | keys | submit` — the CLI."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app.cli.export import add_export_parser
from app.cli.keys import add_keys_parser
from app.cli.submit import add_submit_parser
from app.cli.up import add_up_parser
from app.evaluation.corpus_server import add_serve_corpus_parser

__all__ = ["main"]


def api_processes(configured: int) -> int:
    """`CLAIMTRAIL_API_WORKERS`, or one API process per CPU when it is 0."""
    return configured if configured > 0 else max(1, os.cpu_count() or 1)


def _api(args: argparse.Namespace) -> int:
    import uvicorn

    from app.config import get_settings

    uvicorn.run(
        "app.main:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=api_processes(get_settings().api_workers),
        proxy_headers=True,
        log_level="warning",
        access_log=False,
    )
    return 0


def _worker(args: argparse.Namespace) -> int:
    from app.config import get_settings
    from app.logging import configure_logging
    from workers.settings import build_worker

    settings = get_settings()
    if args.check:
        import asyncio

        from arq.worker import async_check_health

        from app.queue import redis_settings

        _, redis_url = settings.require_urls()
        return asyncio.run(
            async_check_health(
                redis_settings(redis_url),
                f"{settings.redis_prefix}health-check",
                settings.queue_name,
            )
        )
    configure_logging(settings.log_level, json=settings.log_json)
    build_worker(settings).run()
    return 0


def _migrate(_: argparse.Namespace) -> int:
    from app.cli.migrate import upgrade
    from app.config import get_settings

    database_url, _redis = get_settings().require_urls()
    upgrade(database_url)
    print("database migrated to head")
    return 0


def _eval(args: argparse.Namespace) -> int:
    from app.evaluation.corpus import main as eval_main

    flags = ["--verbose"] if args.verbose else []
    return eval_main([*args.corpus_dirs, "--threshold", str(args.threshold), *flags])


def _train_checkworthy(args: argparse.Namespace) -> int:
    from app.evaluation.checkworthy_train import TrainSettings, run

    share = {} if args.news_share is None else {"news_share": args.news_share}
    settings = TrainSettings(c=args.c, top_k=args.top_k, **share)
    dev = None if args.no_dev else args.dev
    return run(
        train_tsv=args.train, dev_tsv=dev, corpora=args.corpus, out=args.out, settings=settings
    )


def _oof_checkworthy(args: argparse.Namespace) -> int:
    from app.evaluation.checkworthy_data import corpus_folders
    from app.evaluation.checkworthy_oof import run
    from app.evaluation.checkworthy_train import REPO, TrainSettings

    share = {} if args.news_share is None else {"news_share": args.news_share}
    settings = TrainSettings(c=args.c, **share)
    corpora = args.corpus or corpus_folders(REPO / "tests" / "corpus")
    steps = [round(args.threshold + 0.1 * i, 2) for i in range(-5, 6)]
    return run(
        args.held, train_tsv=args.train, corpora=corpora, settings=settings, thresholds=steps
    )


def _eval_checkworthy(args: argparse.Namespace) -> int:
    from app.evaluation.checkworthy_eval import run

    return run(args.file, scores_out=args.scores)


def _eval_verify(args: argparse.Namespace) -> int:
    from app.evaluation.verify_eval import run

    return run(args.file, predictions=args.predictions)


def _add_checkworthy_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    checkthat = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "checkthat"
    weights = Path(__file__).resolve().parents[1] / "pipeline" / "checkworthiness" / "weights.json"
    train = commands.add_parser(
        "train-checkworthy", help="fit the learned check-worthiness scorer and write its weights"
    )
    train.add_argument("--train", type=Path, default=checkthat / "train.tsv", help="lab TSV")
    train.add_argument("--dev", type=Path, default=checkthat / "dev.tsv", help="scored once")
    train.add_argument("--no-dev", action="store_true", help="skip the dev gate")
    train.add_argument(
        "--corpus", type=Path, action="append", metavar="DIR",
        help="a folder of article gold (repeat); default: every one under tests/corpus",
    )  # fmt: skip
    train.add_argument("--out", type=Path, default=weights, help="weights file to write")
    train.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    train.add_argument("--top-k", type=int, default=50_000, help="n-grams kept")
    train.add_argument(
        "--news-share", type=float, default=None, help="article rows' weight (default 2.0)"
    )
    train.set_defaults(run=_train_checkworthy)
    oof = commands.add_parser(
        "oof-checkworthy",
        help="recall and FP on a gold folder's pages, each scored by a model trained without it",
    )
    oof.add_argument("held", type=Path, help="a folder of article gold, e.g. tests/corpus/real")
    oof.add_argument("--train", type=Path, default=checkthat / "train.tsv", help="lab TSV")
    oof.add_argument(
        "--corpus", type=Path, action="append", metavar="DIR",
        help="other gold trained on (repeat); default: the trainer's folders",
    )  # fmt: skip
    oof.add_argument("--threshold", type=float, default=-0.7, help="centre of the sweep (logit)")
    oof.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    oof.add_argument(
        "--news-share", type=float, default=None, help="article rows' weight (default 2.0)"
    )
    oof.set_defaults(run=_oof_checkworthy)
    evaluate = commands.add_parser(
        "eval-checkworthy", help="P, R, F1 and ROC AUC of the check-worthiness scorer on a TSV"
    )
    evaluate.add_argument("file", type=Path, help="Sentence_id, Text, class_label (Yes/No)")
    evaluate.add_argument("--scores", type=Path, metavar="OUT.tsv", help="per-sentence scores")
    evaluate.set_defaults(run=_eval_checkworthy)
    verify = commands.add_parser(
        "eval-verify", help="score source verification on WiCE-format rows (jsonl)"
    )
    verify.add_argument("file", type=Path, help="rows: claim, evidence, label, meta.id")
    verify.add_argument("--predictions", type=Path, metavar="OUT.jsonl", help="one line per row")
    verify.set_defaults(run=_eval_verify)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimtrail", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    add_up_parser(commands)
    api = commands.add_parser(
        "api", help="the HTTP API only (CLAIMTRAIL_API_WORKERS processes, 0: one per CPU)"
    )
    api.add_argument("--host", default="127.0.0.1")
    api.add_argument("--port", type=int, default=8000)
    api.set_defaults(run=_api)
    worker = commands.add_parser("worker", help="one arq worker")
    worker.add_argument("--check", action="store_true", help="exit 0 if a worker is alive")
    worker.set_defaults(run=_worker)
    commands.add_parser("migrate", help="apply database migrations").set_defaults(run=_migrate)
    evaluate = commands.add_parser("eval", help="score the pipeline on an annotated corpus")
    evaluate.add_argument("corpus_dirs", nargs="+", metavar="corpus_dir", help="one or more")
    evaluate.add_argument("--threshold", type=float, default=0.5, help="claim threshold")
    evaluate.add_argument("-v", "--verbose", action="store_true", help="list mismatched pairs")
    evaluate.set_defaults(run=_eval)
    _add_checkworthy_parsers(commands)
    add_keys_parser(commands)
    add_submit_parser(commands)
    add_export_parser(commands)
    add_serve_corpus_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `claimtrail` script."""
    args = _parser().parse_args(argv)
    return int(args.run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
