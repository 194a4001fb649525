"""The job state machine's queries on the real database: who may claim a job, what the sweep sees.

Every test runs in a transaction that is rolled back. Times are set on the rows an hour away
from now, so no test depends on how fast the machine runs.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from app.jobs.repository import JobRepository
from app.models import Job

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


async def _job(session: AsyncSession, **columns: object) -> Job:
    url = f"https://jobs.test/{uuid.uuid4().hex}"
    job = await JobRepository(session).add(Job(url=url, normalized_url=url, **columns))
    # Workers claim in a session of their own: keep the row out of this one's identity map,
    # so what claim() returns is what the database answered.
    session.expunge(job)
    return job


async def _reload(session: AsyncSession, job: Job) -> Job:
    row = await session.get(Job, job.id, populate_existing=True)
    assert row is not None
    return row


async def test_a_queued_job_is_claimed_once(session: AsyncSession) -> None:
    repo = JobRepository(session)
    job = await _job(session, next_attempt_at=datetime.now(UTC) - HOUR)
    before = datetime.now(UTC)
    claimed = await repo.claim(job.id, lease=30)
    after = datetime.now(UTC)
    assert claimed is not None and claimed.id == job.id
    assert (claimed.status, claimed.stage, claimed.attempts) == ("running", "fetching", 1)
    assert claimed.lease_until is not None
    assert before + timedelta(seconds=30) <= claimed.lease_until <= after + timedelta(seconds=30)
    assert claimed.started_at is not None and before <= claimed.started_at <= after
    assert claimed.next_attempt_at is None
    # A second delivery of the same queue entry finds the lease live: nothing to run.
    assert await repo.claim(job.id, lease=30) is None
    assert (await _reload(session, job)).attempts == 1


async def test_a_running_job_is_reclaimed_only_once_its_lease_lapsed(
    session: AsyncSession,
) -> None:
    repo = JobRepository(session)
    started = datetime.now(UTC) - 2 * HOUR
    live = await _job(
        session,
        status="running",
        attempts=1,
        started_at=started,
        lease_until=datetime.now(UTC) + HOUR,
    )
    lapsed = await _job(
        session,
        status="running",
        attempts=1,
        started_at=started,
        lease_until=datetime.now(UTC) - HOUR,
    )
    assert await repo.claim(live.id, lease=30) is None
    claimed = await repo.claim(lapsed.id, lease=30)
    assert claimed is not None
    assert claimed.attempts == 2
    assert claimed.started_at == started  # the first start is kept across attempts
    assert claimed.lease_until is not None and claimed.lease_until > datetime.now(UTC)


@pytest.mark.parametrize("status", ["succeeded", "failed"])
async def test_an_ended_job_is_never_claimed(session: AsyncSession, status: str) -> None:
    job = await _job(session, status=status, attempts=1, lease_until=datetime.now(UTC) - HOUR)
    assert await JobRepository(session).claim(job.id, lease=30) is None
    assert (await _reload(session, job)).status == status


async def test_an_unknown_job_is_not_claimed(session: AsyncSession) -> None:
    assert await JobRepository(session).claim(uuid.uuid4(), lease=30) is None


async def test_requeued_job_can_be_claimed_again(session: AsyncSession) -> None:
    repo = JobRepository(session)
    job = await _job(session)
    assert await repo.claim(job.id, lease=30) is not None
    await repo.requeue(job.id, code="http_status", message="busy", delay=0)
    claimed = await repo.claim(job.id, lease=30)
    assert claimed is not None and claimed.attempts == 2


async def test_stale_finds_lost_and_abandoned_jobs_only(session: AsyncSession) -> None:
    now = datetime.now(UTC)
    wanted = {
        # queued, its retry long due, yet no worker took it: the queue entry was lost
        await _job(session, next_attempt_at=now - HOUR),
        # queued without a retry time and untouched for an hour
        await _job(session, updated_at=now - HOUR),
        # running, but its worker stopped renewing the lease
        await _job(session, status="running", attempts=1, lease_until=now - HOUR),
    }
    left_alone = {
        await _job(session),  # queued just now: its entry is still on the way
        await _job(session, next_attempt_at=now + HOUR),  # a retry not yet due
        await _job(session, updated_at=now - HOUR, next_attempt_at=now + HOUR),
        await _job(session, status="running", attempts=1, lease_until=now + HOUR),
        await _job(session, status="succeeded", updated_at=now - HOUR),
        await _job(session, status="failed", updated_at=now - HOUR, lease_until=now - HOUR),
    }
    stale = {job.id for job in await JobRepository(session).stale(older_than=60)}
    assert {job.id for job in wanted} <= stale
    assert not {job.id for job in left_alone} & stale


async def test_stale_returns_the_oldest_first_up_to_the_limit(session: AsyncSession) -> None:
    now = datetime.now(UTC)
    oldest = await _job(session, updated_at=now - 3 * HOUR, next_attempt_at=now - 3 * HOUR)
    older = await _job(session, updated_at=now - 2 * HOUR, next_attempt_at=now - 2 * HOUR)
    await _job(session, updated_at=now - HOUR, next_attempt_at=now - HOUR)
    stale = await JobRepository(session).stale(older_than=60, limit=2)
    assert [job.id for job in stale] == [oldest.id, older.id]


async def _taken_over(session: AsyncSession) -> Job:
    """A job whose first attempt's lease lapsed and that a second attempt now holds."""
    repo = JobRepository(session)
    job = await _job(session, status="running", attempts=1, lease_until=datetime.now(UTC) - HOUR)
    assert (await repo.claim(job.id, lease=30)) is not None  # attempt 2
    return job


async def test_a_superseded_attempt_can_neither_finish_fail_requeue_nor_move(
    session: AsyncSession,
) -> None:
    repo = JobRepository(session)
    job = await _taken_over(session)
    article = uuid.uuid4()  # never written: a refused update touches no foreign key
    assert await repo.finish(job.id, article_id=article, attempt=1) is None
    assert not await repo.fail(job.id, code="x", message="stale", retryable=False, attempt=1)
    assert not await repo.requeue(job.id, code="x", message="stale", delay=0, attempt=1)
    assert not await repo.set_stage(job.id, "storing", lease=30, attempt=1)
    row = await _reload(session, job)
    assert (row.status, row.stage, row.attempts, row.error_code) == ("running", "fetching", 2, None)
    # The holder's own calls apply.
    assert await repo.set_stage(job.id, "extracting", lease=30, attempt=2)
    assert await repo.fail(job.id, code="no_article", message="m", retryable=False, attempt=2)
    assert (await _reload(session, job)).status == "failed"
    # ... once: an ended job is held by nobody.
    assert not await repo.fail(job.id, code="again", message="m", retryable=False, attempt=2)
    assert not await repo.requeue(job.id, code="x", message="m", delay=0, attempt=2)


async def test_the_holder_finishes_and_sees_the_row_as_committed(session: AsyncSession) -> None:
    from app.models import Article

    repo = JobRepository(session)
    job = await _taken_over(session)
    article = Article(url=f"https://jobs.test/{uuid.uuid4().hex}", text="t")
    session.add(article)
    await session.flush()
    # A submission that joined the running job asked for verification meanwhile.
    await session.execute(update(Job).where(Job.id == job.id).values(verify=True))
    finished = await repo.finish(job.id, article_id=article.id, attempt=2)
    assert finished is not None and finished.verify is True
    assert (finished.status, finished.stage, finished.article_id) == (
        "succeeded",
        "done",
        article.id,
    )
    assert await repo.finish(job.id, article_id=article.id, attempt=2) is None


async def _article(session: AsyncSession, *, cited: bool, verified: bool = False) -> uuid.UUID:
    """An article with one claim, citing a source or not, with a verdict or not."""
    from app.models import Article, Citation, Sentence, Source, Verification

    article = Article(url=f"https://articles.test/{uuid.uuid4().hex}", text="A claim.")
    source = Source(url=f"https://sources.test/{uuid.uuid4().hex}")
    session.add_all([article, source])
    await session.flush()
    claim = Sentence(
        article_id=article.id, sentence_index=0, text="A claim.", char_start=0, char_end=8,
        is_claim=True, is_cited=cited,
    )  # fmt: skip
    session.add(claim)
    await session.flush()
    if cited:
        session.add(Citation(sentence_id=claim.id, article_id=article.id, source_id=source.id,
                             via="hyperlink"))  # fmt: skip
    if verified:
        session.add(Verification(article_id=article.id, sentence_id=claim.id,
                                 source_id=source.id, status="supported"))  # fmt: skip
    await session.flush()
    return article.id


async def test_verifications_owed_are_asked_for_cited_unverified_and_in_the_window(
    session: AsyncSession,
) -> None:
    now = datetime.now(UTC)

    async def ended(article: uuid.UUID, ago: timedelta, verify: bool = True) -> Job:
        return await _job(session, status="succeeded", stage="done", attempts=1, verify=verify,
                          article_id=article, finished_at=now - ago)  # fmt: skip

    owed_article = await _article(session, cited=True)
    await ended(owed_article, 2 * HOUR)
    latest = await ended(owed_article, HOUR)  # two jobs asked: one entry, the latest
    others = [
        (await _article(session, cited=True), timedelta(seconds=5), True),  # on its way
        (await _article(session, cited=True), 7 * HOUR, True),  # out of the window
        (await _article(session, cited=True, verified=True), HOUR, True),  # verdicts stored
        (await _article(session, cited=False), HOUR, True),  # nothing to verify
        (await _article(session, cited=True), HOUR, False),  # never asked
    ]
    for article, ago, verify in others:
        await ended(article, ago, verify)
    owed = await JobRepository(session).verifications_owed(older_than=60, within=6 * 3600)
    mine = {owed_article} | {article for article, _, _ in others}
    # Rows other tests left in the shared database are no concern of this one.
    assert [entry for entry in owed if entry[1] in mine] == [(latest.id, owed_article, 1)]
