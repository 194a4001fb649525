"""The home page: paste URLs, submit them as a plain form post, follow the jobs on a page."""

from __future__ import annotations

import uuid
from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.api.deps import CallerDep, QueueDep, SettingsDep
from app.db import SessionDep
from app.errors import AppError, NotFound
from app.jobs.dispatch import commit_and_dispatch
from app.jobs.schemas import JobOut, check_url
from app.jobs.service import get_job, submit_url
from app.report.pages import LIVE_HEADERS, page

__all__ = ["router"]

router = APIRouter(tags=["report"], include_in_schema=False)  # pages: docs/API.md lists them
MAX_URLS = 50  # one status page; `claimtrail submit` and POST /v1/batches take 1,000


def _home(settings_auth: str, *, status: int = 200, **form: Any) -> HTMLResponse:
    context = {"urls": None, "verify": False, "error": None} | form
    return page(
        "home.html", status=status, auth=settings_auth == "on", max_urls=MAX_URLS, **context
    )


@router.get("/", response_class=HTMLResponse)
async def home(settings: SettingsDep) -> HTMLResponse:
    """Paste article URLs, tick "verify sources", submit."""
    return _home(settings.auth)


def _cross_site(request: Request) -> bool:
    """A form posted from another site (the browser says so): refused, keys may be cached."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return True
    origin = request.headers.get("origin")
    return bool(origin) and origin != "null" and urlsplit(origin).netloc != request.url.netloc


def _lines(text: str) -> list[str]:
    """Non-blank lines, trimmed, each once, in order."""
    return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))


def _invalid(urls: list[str]) -> list[str]:
    """`url: why` for each URL that will never be fetched."""
    problems = []
    for url in urls:
        try:
            check_url(url)
        except ValueError as exc:
            problems.append(f"{url[:200]}: {exc}")
    return problems


@router.post("/report/jobs", response_class=HTMLResponse, status_code=303)
async def submit_form(
    request: Request,
    session: SessionDep,
    queue: QueueDep,
    caller: CallerDep,
    settings: SettingsDep,
) -> Response:
    """The home form: queue each URL, then show their jobs (303 to the status page)."""
    if _cross_site(request):
        return _home(settings.auth, status=403, error="Submit from this site's own form.")
    try:
        form = parse_qs((await request.body()).decode("utf-8", "replace"), max_num_fields=10)
    except ValueError:
        form = {}
    text = form.get("urls", [""])[0].replace("\x00", "")  # PostgreSQL text holds no NUL
    verify = form.get("verify", [""])[0] in ("true", "on", "1")
    urls = _lines(text)
    error = None
    if not urls:
        error = "Paste at least one URL."
    elif len(urls) > MAX_URLS:
        error = f"{len(urls)} URLs: at most {MAX_URLS} at once here (the API takes 1,000)."
    elif problems := _invalid(urls):
        error = "Not submitted, fix these first: " + "; ".join(problems)
    if error:
        return _home(settings.auth, status=422, urls=text, verify=verify, error=error)
    submissions = [
        await submit_url(session, url=url, api_key_id=caller, verify=verify) for url in urls
    ]
    try:
        await commit_and_dispatch(
            session, queue, submissions, api_key_id=caller, max_pending=settings.max_pending_jobs
        )
    except AppError as exc:
        await session.rollback()
        return _home(settings.auth, status=exc.status, urls=text, verify=verify, error=exc.detail)
    ids = urlencode([("id", str(s.job.id)) for s in submissions])
    return RedirectResponse(f"/report/jobs?{ids}", status_code=303)


@router.get("/report/jobs", response_class=HTMLResponse)
async def job_status(
    session: SessionDep,
    caller: CallerDep,
    settings: SettingsDep,
    id: Annotated[list[uuid.UUID], Query(max_length=MAX_URLS, description="Job ids")],
) -> HTMLResponse:
    """The jobs' status and stage; it follows them live, or refreshes itself without JS."""
    jobs = []
    for job_id in dict.fromkeys(id):
        try:
            jobs.append(JobOut.of(await get_job(session, job_id, api_key_id=caller)))
        except NotFound:
            continue
    if not jobs:
        raise NotFound("None of these jobs is yours or known")
    done = sum(j.status in ("succeeded", "failed") for j in jobs)
    return page(
        "jobs.html",
        headers=LIVE_HEADERS,
        jobs=jobs,
        done=done,
        finished=done == len(jobs),
        auth=settings.auth == "on",
    )
