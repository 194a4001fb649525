"""Every query on api_keys."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.keys import ConfiguredKey, new_signing_secret
from app.models import ApiKey

__all__ = ["ApiKeyRepository"]


class ApiKeyRepository:
    """API key rows; callers own the transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def create(self, *, name: str, key_hash: str) -> ApiKey:
        """Insert a key (by hash) with a fresh signing secret."""
        row = ApiKey(name=name, key_hash=key_hash, signing_secret=new_signing_secret())
        self.session.add(row)
        await self.session.flush()
        return row

    async def sync_configured(self, keys: Sequence[ConfiguredKey]) -> int:
        """Make the environment's list the truth for environment keys; returns how many revoked.

        Each listed key gets a live `env` row (a row stored under its old unkeyed hash is
        moved to the keyed one, keeping its id and so its jobs); every `env` row no longer
        listed is revoked.
        """
        for key in keys:
            moved = await self.session.execute(
                update(ApiKey)
                .where(ApiKey.key_hash == key.legacy_hash)
                .values(key_hash=key.key_hash, origin="env")
            )
            if moved.rowcount:  # type: ignore[attr-defined]
                continue
            await self.session.execute(
                insert(ApiKey)
                .values(
                    id=uuid.uuid4(),
                    name=key.name,
                    key_hash=key.key_hash,
                    signing_secret=new_signing_secret(),
                    origin="env",
                )
                .on_conflict_do_update(
                    index_elements=[ApiKey.key_hash],
                    set_={"origin": "env", "revoked_at": None},
                )
            )
        result = await self.session.execute(
            update(ApiKey)
            .where(
                ApiKey.origin == "env",
                ApiKey.revoked_at.is_(None),
                ApiKey.key_hash.not_in([key.key_hash for key in keys]),
            )
            .values(revoked_at=datetime.now(UTC))
        )
        return int(result.rowcount)  # type: ignore[attr-defined]

    async def by_hash(self, key_hash: str, legacy_hash: str | None = None) -> ApiKey | None:
        """The key with this hash, revoked or not; a row under `legacy_hash` moves to it."""
        row = await self.session.scalar(select(ApiKey).where(ApiKey.key_hash == key_hash))
        if row is not None or legacy_hash is None:
            return row
        await self.session.execute(
            update(ApiKey).where(ApiKey.key_hash == legacy_hash).values(key_hash=key_hash)
        )
        return await self.session.scalar(select(ApiKey).where(ApiKey.key_hash == key_hash))

    async def revoke(self, key_id: uuid.UUID) -> bool:
        """Mark a key revoked; False when there is no such live key."""
        result = await self.session.execute(
            update(ApiKey)
            .where(ApiKey.id == key_id, ApiKey.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC))
            .returning(ApiKey.id)
        )
        return result.first() is not None

    async def signing_secret(self, key_id: uuid.UUID) -> str | None:
        """The secret that signs callbacks of jobs submitted with this key."""
        return await self.session.scalar(select(ApiKey.signing_secret).where(ApiKey.id == key_id))

    async def all(self) -> list[ApiKey]:
        """Every key, oldest first."""
        return list((await self.session.scalars(select(ApiKey).order_by(ApiKey.created_at))).all())
