"""An Engine that answers from the chunk cache and loads the real one only on a miss.

A re-run of an unchanged article never loads the voice model at all.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..cache import ChunkCache
from .base import Engine


class CachedEngine:
    def __init__(self, identity: str, cache: ChunkCache, load: Callable[[], Engine], name: str) -> None:
        self.name = name
        self.identity = identity
        self._cache = cache
        self._load = load
        self._engine: Engine | None = None
        self._rate: int | None = None
        self.hits = 0
        self.misses = 0

    def _real(self) -> Engine:
        if self._engine is None:
            self._engine = self._load()
        return self._engine

    @property
    def sample_rate(self) -> int:
        return self._rate or self._real().sample_rate

    def synthesize(self, text: str) -> np.ndarray:
        key = self._cache.key(self.identity, text)
        cached = self._cache.get(key)
        if cached is not None and (self._rate in (None, cached[0])):
            self.hits += 1
            self._rate = cached[0]
            return cached[1]
        self.misses += 1
        engine = self._real()
        pcm = engine.synthesize(text)
        self._rate = engine.sample_rate
        self._cache.put(key, engine.sample_rate, pcm)
        return pcm

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
