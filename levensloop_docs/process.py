"""Is a process still there? Used to tell a stale lock or a dead run's folder from a live one.

The check itself lives in ``platform_os`` (psutil): ``os.kill(pid, 0)`` would send Ctrl-C on
Windows instead of checking. The name stays, as ``interview/lock.py`` and ``runtmp`` use it.
"""

from __future__ import annotations

from levensloop_docs.platform_os import alive

__all__ = ["alive"]
