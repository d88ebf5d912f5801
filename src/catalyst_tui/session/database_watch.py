"""The Workspace's watch on its database: another connection's writes (the daemon's refresh, a
`catalyst mark` in a shell, the session's own saves on their connections), and the file replaced
under it (a backup renamed over it: a new device and inode) opened and read from then on."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..jobs.evaluation import evaluate_checkpoints
from ..store import Store

if TYPE_CHECKING:
    import datetime as dt
    from contextlib import AbstractContextManager

    from ..config import Config
    from ..views.watchlist import Watchlist

__all__ = ["DatabaseWatch"]


class DatabaseWatch:
    """What the Workspace knows of its database's file; `store`, `config`, `now` and `_saving`
    are the Workspace's."""

    store: Store
    config: Config
    latest: Watchlist | None

    def now(self) -> dt.datetime:
        raise NotImplementedError

    def _saving(self) -> AbstractContextManager[Store]:
        raise NotImplementedError

    def watch_database(self, store: Store) -> None:
        self._data_version = store.data_version()
        self._file_key = store.file_key
        self._replacement: Store | None = None  # the file renamed over the database, opened

    def database_changed(self) -> bool:
        """Whether another connection wrote to the database since the last look (the daemon's
        refresh, `catalyst mark` or `ack` in a shell, this session's own saves until
        `own_writes_read`): the screens read it again only then."""
        version = self.store.data_version()
        changed, self._data_version = version != self._data_version, version
        return changed

    def own_writes_read(self) -> None:
        """The session's own saves (on connections of their own) are being read again now:
        not a change made elsewhere. On the thread that reads `store`."""
        self._data_version = self.store.data_version()

    def replacement(self) -> tuple[int, int] | None:
        """The (device, inode) of the file at the database's path when it is another than the
        one open (a backup renamed over it), else None: one stat, for the loop. A missing file
        is not (yet) another."""
        try:
            st = os.stat(self.store.path)
        except OSError:
            return None
        key = (st.st_dev, st.st_ino)
        return None if key == self._file_key else key

    def open_replacement(self) -> None:
        """Open the file now at the database's path, migrated and synced with the config in
        use, for `use_replacement` (in a worker thread); StoreError when it cannot be used."""
        with self._saving() as store:
            now = self.now()
            store.sync.apply(self.config, now)
            evaluate_checkpoints(self.config, store, now)
        self._replacement = Store.open(self.store.path)

    def use_replacement(self) -> None:
        """Read from the file `open_replacement` opened from now on; the old file's connection
        closed. On the thread that reads `store`."""
        store, self._replacement = self._replacement, None
        if store is None:
            return
        old, self.store = self.store, store
        self._file_key = store.file_key
        self._data_version = store.data_version()
        self.latest = None
        old.close()
