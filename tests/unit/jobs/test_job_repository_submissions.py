"""Submissions on the real database: inserting new jobs, joining active ones, owed verdicts.

Written against the mutants of `app/jobs/repository.py` that only the API tests reached
(`insert_new`, `join`) and the `verifications_owed` conditions the first test left alive.
Rows from other tests may share the database, so every check is confined to its own rows.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from app.jobs.repository import JobRepository
from app.models import ApiKey, Article, Citation, Job, Sentence, Source, Verification

HOUR = timedelta(hours=1)


@pytest.fixture
async def session(database_url: str) -> AsyncIterator[AsyncSession]:
    engine = create_async_engine(database_url)
    async with engine.connect() as conn:
        transaction = await conn.begin()
        async with AsyncSession(
            bind=conn, expire_on_commit=False, join_transaction_mode="create_savepoint"
        ) as session:
            yield session
        await transaction.rollback()
    await engine.dispose()


def _url() -> str:
    return f"https://submit.test/{uuid.uuid4().hex}"


async def _job(session: AsyncSession, url: str | None = None, **columns: object) -> Job:
    url = url or _url()
    job = Job(url=url, normalized_url=url, **columns)
    session.add(job)
    await session.flush()
    session.expunge(job)
    return job


async def _reload(session: AsyncSession, job_id: uuid.UUID) -> Job:
    row = await session.get(Job, job_id, populate_existing=True)
    assert row is not None
    return row


def _row(url: str) -> dict[str, object]:
    return {"id": uuid.uuid4(), "url": url, "normalized_url": url, "status": "queued",
            "stage": "queued"}  # fmt: skip


async def test_insert_new_of_nothing_inserts_nothing(session: AsyncSession) -> None:
    assert await JobRepository(session).insert_new([]) == []


async def test_insert_new_skips_a_url_with_an_active_job_and_returns_the_rest(
    session: AsyncSession,
) -> None:
    base = _url()
    taken = await _job(session, base + "/b", status="running")
    ended = await _job(session, base + "/c", status="succeeded")
    rows = [_row(base + "/c"), _row(base + "/b"), _row(base + "/a")]
    inserted = await JobRepository(session).insert_new(rows)
    # Sorted by URL (one lock order for concurrent submits); /b lost to the running job.
    assert [job.normalized_url for job in inserted] == [base + "/a", base + "/c"]
    assert [job.id for job in inserted] == [rows[2]["id"], rows[0]["id"]]
    assert all(job.status == "queued" and job.attempts == 0 for job in inserted)
    assert all(job.created_at is not None for job in inserted)  # defaults read back
    assert (await _reload(session, taken.id)).status == "running"
    assert (await _reload(session, ended.id)).status == "succeeded"
    count = await session.scalar(
        select(func.count()).select_from(Job).where(Job.normalized_url.startswith(base))
    )
    assert count == 4


async def test_insert_new_orders_rows_of_one_url_by_id(session: AsyncSession) -> None:
    url = _url()
    low, high = uuid.UUID(int=uuid.uuid4().int >> 1), uuid.UUID(int=(1 << 128) - 1 - 7)
    first = {"id": high, "url": url, "normalized_url": url, "status": "failed", "stage": "done"}
    second = {"id": low, "url": url, "normalized_url": url, "status": "failed", "stage": "done"}
    inserted = await JobRepository(session).insert_new([first, second])
    assert [job.id for job in inserted] == [low, high]


async def test_join_of_nothing_joins_nothing(session: AsyncSession) -> None:
    assert await JobRepository(session).join([], verify=True, force=True, callback_url="x") == []


async def test_join_adds_verification_and_force_and_fills_an_empty_callback(
    session: AsyncSession,
) -> None:
    plain = await _job(session, status="queued", verify=False, force=False)
    bystander = await _job(session, status="queued", verify=False, force=False)
    cached = await session.get(Job, plain.id)  # in the session: must be refreshed
    assert cached is not None and cached.verify is False
    joined = await JobRepository(session).join(
        [plain.id], verify=True, force=True, callback_url="https://cb.test/1"
    )
    assert [job.id for job in joined] == [plain.id]
    assert joined[0] is cached
    assert (cached.verify, cached.force, cached.callback_url) == (True, True, "https://cb.test/1")
    other = await _reload(session, bystander.id)
    assert (other.verify, other.force, other.callback_url) == (False, False, None)


async def test_join_never_takes_back_what_a_job_already_asked_for(session: AsyncSession) -> None:
    asked = await _job(session, status="running", verify=True, force=True,
                       callback_url="https://cb.test/first")  # fmt: skip
    joined = await JobRepository(session).join(
        [asked.id], verify=False, force=False, callback_url="https://cb.test/second"
    )
    assert [job.id for job in joined] == [asked.id]
    row = await _reload(session, asked.id)
    assert (row.verify, row.force, row.callback_url) == (True, True, "https://cb.test/first")


async def test_join_keeps_false_when_nobody_asked(session: AsyncSession) -> None:
    job = await _job(session, status="queued", verify=False, force=False)
    await JobRepository(session).join([job.id], verify=False, force=False, callback_url=None)
    row = await _reload(session, job.id)
    assert (row.verify, row.force, row.callback_url) == (False, False, None)


@pytest.mark.parametrize("status", ["succeeded", "failed"])
async def test_a_job_that_ended_is_not_joined(session: AsyncSession, status: str) -> None:
    ended = await _job(session, status=status, verify=False)
    active = await _job(session, status="queued", verify=False)
    joined = await JobRepository(session).join(
        [ended.id, active.id], verify=True, force=False, callback_url=None
    )
    assert [job.id for job in joined] == [active.id]
    assert (await _reload(session, ended.id)).verify is False


async def _article(session: AsyncSession, *, claim: bool = True, source: bool = True) -> uuid.UUID:
    """An article with one cited sentence: a claim or not, its citation naming a source or not."""
    article = Article(url=_url(), text="A claim.")
    cited = Source(url=_url())
    session.add_all([article, cited])
    await session.flush()
    sentence = Sentence(
        article_id=article.id, sentence_index=0, text="A claim.", char_start=0, char_end=8,
        is_claim=claim, is_cited=True,
    )  # fmt: skip
    session.add(sentence)
    await session.flush()
    session.add(Citation(sentence_id=sentence.id, article_id=article.id,
                         source_id=cited.id if source else None, via="hyperlink"))  # fmt: skip
    await session.flush()
    return article.id


async def _ended(session: AsyncSession, article: uuid.UUID | None, ago: timedelta,
                 **columns: object) -> Job:  # fmt: skip
    now = datetime.now(UTC)
    values: dict[str, object] = {
        "status": "succeeded",
        "stage": "done",
        "attempts": 1,
        "verify": True,
        "article_id": article,
        "finished_at": now - ago,
    }
    return await _job(session, **(values | columns))  # fmt: skip


async def _owed(
    session: AsyncSession, articles: set[uuid.UUID], older_than: float = 60, within: float = 21600
) -> list[tuple[uuid.UUID, uuid.UUID, int]]:
    found = await JobRepository(session).verifications_owed(older_than=older_than, within=within)
    return [entry for entry in found if entry[1] in articles]


async def test_only_cited_claims_with_a_source_are_owed_a_verdict(session: AsyncSession) -> None:
    owed = await _article(session)
    not_a_claim = await _article(session, claim=False)
    no_source = await _article(session, source=False)
    jobs = {a: await _ended(session, a, HOUR, attempts=3) for a in (owed, not_a_claim, no_source)}
    found = await _owed(session, {owed, not_a_claim, no_source})
    assert found == [(jobs[owed].id, owed, 3)]


async def test_a_verdict_of_another_article_does_not_settle_this_one(
    session: AsyncSession,
) -> None:
    owed, verified = await _article(session), await _article(session)
    claim = await session.scalar(select(Sentence.id).where(Sentence.article_id == verified))
    source = await session.scalar(select(Citation.source_id).where(Citation.article_id == verified))
    session.add(Verification(article_id=verified, sentence_id=claim, source_id=source,
                             status="supported"))  # fmt: skip
    await session.flush()
    job = await _ended(session, owed, HOUR)
    await _ended(session, verified, HOUR)
    assert await _owed(session, {owed, verified}) == [(job.id, owed, 1)]


@pytest.mark.parametrize("status", ["failed", "running", "queued"])
async def test_only_a_succeeded_job_owes_a_verdict(session: AsyncSession, status: str) -> None:
    article = await _article(session)
    await _ended(session, article, HOUR, status=status)
    assert await _owed(session, {article}) == []


async def test_a_job_last_touched_before_the_window_is_not_looked_at(
    session: AsyncSession,
) -> None:
    article, touched = await _article(session), await _article(session)
    now = datetime.now(UTC)
    await _ended(session, article, HOUR, updated_at=now - 7 * HOUR)
    job = await _ended(session, touched, HOUR, updated_at=now - 2 * HOUR)
    assert await _owed(session, {article, touched}) == [(job.id, touched, 1)]


async def test_the_window_is_measured_from_now(session: AsyncSession) -> None:
    article = await _article(session)
    job = await _ended(session, article, timedelta(minutes=10))
    assert await _owed(session, {article}, older_than=5 * 60) == [(job.id, article, 1)]
    assert await _owed(session, {article}, older_than=15 * 60) == []
    assert await _owed(session, {article}, older_than=60, within=5 * 60) == []
    assert await _owed(session, {article}, older_than=60, within=15 * 60) == [(job.id, article, 1)]


async def test_verifications_owed_stops_at_200_by_default(session: AsyncSession) -> None:
    articles = {await _article(session) for _ in range(201)}
    for article in articles:
        await _ended(session, article, HOUR)
    found = await JobRepository(session).verifications_owed(older_than=60, within=6 * 3600)
    assert len(found) == 200
    limited = await JobRepository(session).verifications_owed(
        older_than=60, within=6 * 3600, limit=3
    )
    assert len(limited) == 3


async def _key(session: AsyncSession) -> uuid.UUID:
    row = ApiKey(name="k", key_hash=uuid.uuid4().hex, signing_secret="s")
    session.add(row)
    await session.flush()
    return row.id


async def test_active_for_urls_looks_only_at_the_urls_asked_of_a_keyed_caller(
    session: AsyncSession,
) -> None:
    key = await _key(session)
    asked, elsewhere = _url(), _url()
    mine = await _job(session, asked, status="queued", api_key_id=key)
    await _job(session, asked, status="queued")  # the same URL, anonymous
    await _job(session, elsewhere, status="running", api_key_id=key)  # not asked about
    found = await JobRepository(session).active_for_urls([asked], key)
    assert {url: job.id for url, job in found.items()} == {asked: mine.id}


async def test_active_for_urls_reads_the_row_as_stored_not_as_the_session_has_it(
    session: AsyncSession,
) -> None:
    url = _url()
    job = await _job(session, url, status="queued")
    cached = await session.get(Job, job.id)
    assert cached is not None and cached.callback_url is None
    await session.execute(
        update(Job).where(Job.id == job.id).values(callback_url="https://cb.test/new")
        .execution_options(synchronize_session=False)
    )  # fmt: skip
    found = await JobRepository(session).active_for_urls([url], None)
    assert found[url] is cached and cached.callback_url == "https://cb.test/new"


async def test_finish_refreshes_the_job_the_holder_has_in_hand(session: AsyncSession) -> None:
    repo = JobRepository(session)
    article = Article(url=_url(), text="t")
    session.add(article)
    await session.flush()
    job = await _job(session, status="queued")
    claimed = await repo.claim(job.id, lease=30)  # kept: the session holds it
    assert claimed is not None and claimed.status == "running"
    finished = await repo.finish(job.id, article_id=article.id, attempt=claimed.attempts)
    assert finished is claimed
    assert (claimed.status, claimed.stage, claimed.article_id) == ("succeeded", "done", article.id)


async def test_requeue_by_the_holder_applies_and_says_so(session: AsyncSession) -> None:
    repo = JobRepository(session)
    job = await _job(session, status="queued")
    bystander = await _job(session, status="running", attempts=1,
                           lease_until=datetime.now(UTC) + HOUR)  # fmt: skip
    claimed = await repo.claim(job.id, lease=30)
    assert claimed is not None and claimed.attempts == 1
    assert await repo.requeue(job.id, code="timeout", message="slow", delay=5, attempt=1)
    row = await _reload(session, job.id)
    assert (row.status, row.stage, row.error_code, row.error_message) == (
        "queued", "queued", "timeout", "slow",
    )  # fmt: skip
    assert row.lease_until is None and row.next_attempt_at is not None
    assert (await _reload(session, bystander.id)).status == "running"


async def test_requeue_without_an_attempt_always_applies(session: AsyncSession) -> None:
    job = await _job(session, status="running", attempts=4, lease_until=datetime.now(UTC))
    assert await JobRepository(session).requeue(job.id, code="lost", message="m", delay=0)
    assert (await _reload(session, job.id)).status == "queued"


@pytest.fixture
def kolkata_local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process's local zone at UTC+05:30, as on a server not set to UTC."""
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("kolkata_local_time")
async def test_claim_records_the_start_as_the_instant_whatever_the_local_zone(
    session: AsyncSession,
) -> None:
    # A naive local time bound inside coalesce() is sent as a timestamp without zone, which
    # the server reads as UTC: the start would land 5 h 30 min in the future.
    assert datetime.now().utcoffset() is None and time.localtime().tm_gmtoff == 19800
    job = await _job(session, status="queued")
    before = datetime.now(UTC)
    claimed = await JobRepository(session).claim(job.id, lease=30)
    after = datetime.now(UTC)
    assert claimed is not None
    row = await _reload(session, job.id)
    assert row.started_at is not None and before <= row.started_at <= after
    assert row.lease_until is not None
    assert before + timedelta(seconds=30) <= row.lease_until <= after + timedelta(seconds=30)
