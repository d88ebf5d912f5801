"""A TUI whose terminal goes away ends: its window closed, its tmux pane or ssh connection gone.

The kernel tells a process its terminal hung up with SIGHUP, but a program started by `nohup`
(or a launcher that does the same) ignores it, and a process outside the terminal's foreground
group may never get it. Textual's input thread then reads end-of-file from the hung-up terminal
at once, again and again, without end: the program ran at full CPU, its refresh child with it,
for as long as anyone watched. So the TUI watches its terminal itself:

- a thread polls the terminal's descriptors (stdin, stdout and stderr, those that are a terminal,
  a pipe or a socket) twice a second, without reading them: a hang-up, an error or a closed
  descriptor (POLLHUP, POLLERR, POLLNVAL) means the terminal is gone, as does EOF on a pipe;
- SIGHUP is handled whether or not it was ignored when the program started.

Either way the terminal's descriptors are pointed at /dev/null (what Textual still writes on its
way out goes nowhere instead of failing, and its input thread sees the end of input), and the app
is asked to end as its quit key ends it: the scheduler stopped, its refresh child asked to end
(killed if it does not), the database closed by the command. What was written is already whole:
every save is a transaction or an atomic rename. Should the app not be out within `GRACE`
seconds, the process ends itself (exit 129) rather than run on with no one to see it.

The daemon has no terminal and never starts this watch.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import signal
import stat
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from types import FrameType

log = logging.getLogger("catalyst")

POLL_SECONDS = 0.5
GRACE = 30.0  # seconds the app has to end once its terminal is gone
EXIT_HANGUP = 128 + signal.SIGHUP
_GONE = select.POLLHUP | select.POLLERR | select.POLLNVAL

# Textual's own handlers (resume on SIGCONT, suspend on SIGTSTP, a resize on SIGWINCH) write to
# its output queue from within whatever the main thread is doing. A closed terminal sends SIGCONT
# right after SIGHUP: run while the app shut down, that write left the queue's lock taken and its
# writer asleep, and the shutdown waited on it for ever (seen: a demo alive 5 minutes after its
# terminal closed). Once the app is ending they are let be.
TEXTUALS = (
    (signal.SIGCONT, signal.SIG_DFL),
    (signal.SIGTSTP, signal.SIG_DFL),
    (signal.SIGWINCH, signal.SIG_IGN),
)


def quiet_textual_signals() -> None:
    for signum, how in TEXTUALS:
        signal.signal(signum, how)


def terminal_fds() -> list[int]:
    """The descriptors among 0, 1 and 2 that reach a terminal, a pipe or a socket: those whose
    hang-up or end the watch sees (a regular file or /dev/null never hangs up)."""
    found = []
    for fd in (0, 1, 2):
        try:
            mode = os.fstat(fd).st_mode
        except OSError:
            continue
        if os.isatty(fd) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
            found.append(fd)
    return found


def gone(fds: list[int]) -> bool:
    """Whether any of `fds` hung up, failed or closed: looked at, nothing read."""
    poller = select.poll()
    for fd in fds:
        poller.register(fd, select.POLLIN if fd == 0 else select.POLLOUT)
    return any(events & _GONE for _fd, events in poller.poll(0))


def let_go(fds: list[int]) -> None:
    """Point `fds` at /dev/null: reads see the end of input, writes go nowhere."""
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_RDWR)
        for fd in fds:
            with contextlib.suppress(OSError):
                os.dup2(null, fd)
        os.close(null)


@contextlib.contextmanager
def ended_with_terminal(end: Callable[[int], None]) -> Iterator[threading.Event]:
    """While the block runs, a terminal that goes away (a hang-up seen by polling, SIGHUP) calls
    `end(exit code)` once, from a thread: `end` asks the app to exit, thread-safely. Yields the
    event set when that happened. With no terminal at all, nothing is watched."""
    lost = threading.Event()
    finished = threading.Event()
    fds = terminal_fds()
    lock = threading.Lock()

    def on_loss(why: str, code: int) -> None:
        with lock:
            if lost.is_set():
                return
            lost.set()
        log.warning("the terminal went away (%s): the TUI ends", why)
        let_go(fds)
        end(code)
        if not finished.wait(GRACE):
            _exit_now()

    def watch() -> None:
        while not finished.wait(POLL_SECONDS):
            if gone(fds):  # told as the kernel would: handlers are set on the main thread only
                log.info("the terminal hung up: SIGHUP to this process")
                os.kill(os.getpid(), signal.SIGHUP)
                if not finished.wait(GRACE):
                    _exit_now()
                return

    def on_sighup(_signum: int, _frame: FrameType | None) -> None:
        # The handler runs on the main thread, inside the loop: the ending goes to a thread.
        quiet_textual_signals()
        threading.Thread(target=on_loss, args=("SIGHUP", EXIT_HANGUP), daemon=True).start()

    previous = signal.signal(signal.SIGHUP, on_sighup)
    watcher = threading.Thread(target=watch, name="terminal watch", daemon=True)
    if fds:
        watcher.start()
    try:
        yield lost
    finally:
        finished.set()
        signal.signal(signal.SIGHUP, previous)


def _exit_now() -> None:
    log.error("the TUI did not end within %g s of its terminal going: exits now", GRACE)
    logging.shutdown()
    os._exit(EXIT_HANGUP)
