"""Cache rendered PDFs by content hash, and let only one worker render a given PDF at a time.

The cache is Django's "pdf" cache: local memory by default (one per process), Redis when REDIS_URL is
set (shared by every worker and machine, which is where the lock matters).
"""

import hashlib
import logging
import time
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache import caches

logger = logging.getLogger("policybuilder")

CACHE_ALIAS = "pdf"
# Longer than any render we have measured (about 0.1 s a page); a crashed holder frees the lock then.
LOCK_SECONDS = 60
POLL_SECONDS = 0.05


def content_key(parts: Iterable[str]) -> str:
    """A cache key naming exactly this content: the sha256 of every part, each length-prefixed."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8")
        # The length prefix keeps ("ab", "c") and ("a", "bc") apart.
        digest.update(len(data).to_bytes(8, "big") + data)
    return f"pdf:{digest.hexdigest()}"


class _Tolerant:
    """The cache, where a failing backend (Redis down) means "not cached", never an error page.

    Without a working cache every download renders again and the lock is not held, which is slower
    but still gives the owner their PDF.
    """

    def __init__(self, alias: str) -> None:
        self.cache = caches[alias]

    def _try(self, method: str, *args: Any, failed: Any = None, **kwargs: Any) -> Any:
        try:
            return getattr(self.cache, method)(*args, **kwargs)
        except Exception:  # any backend's connection error; the cause is logged
            logger.warning("PDF cache %s failed; going on without it", method, exc_info=True)
            return failed

    def get(self, key: str) -> Any:
        return self._try("get", key)

    def add(self, key: str, value: Any, timeout: float) -> bool:
        return bool(self._try("add", key, value, timeout=timeout, failed=True))

    def set(self, key: str, value: Any) -> None:
        self._try("set", key, value)

    def delete(self, key: str) -> None:
        self._try("delete", key)


def cached_bytes(*, key: str, make: Callable[[], bytes], lock_seconds: float = LOCK_SECONDS) -> bytes:
    """The bytes cached under `key`, or `make()` once, cached, while other callers wait for it.

    A caller that finds the lock taken re-checks the cache until the holder has stored its result; if the
    holder has not finished within `lock_seconds` (it died, or is stuck), the caller renders itself.
    """
    cache = _Tolerant(CACHE_ALIAS)
    if (hit := cache.get(key)) is not None:
        return hit
    lock, token = f"{key}:lock", uuid.uuid4().hex
    deadline = time.monotonic() + lock_seconds
    while not cache.add(lock, token, timeout=lock_seconds):
        time.sleep(POLL_SECONDS)
        if (hit := cache.get(key)) is not None:
            return hit
        if time.monotonic() > deadline:
            logger.warning("PDF lock %s held too long; rendering without it", lock)
            break
    try:
        # Another worker may have stored it between our first look and taking the lock.
        if (hit := cache.get(key)) is not None:
            return hit
        value = make()
        cache.set(key, value)
        return value
    finally:
        # Only the holder frees the lock (a late one must not free a newer holder's).
        if cache.get(lock) == token:
            cache.delete(lock)
