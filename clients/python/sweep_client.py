"""Helper for running your own training script as a Sweep trial (``trial.command``).

Python >= 3.8, standard library only. Two ways to use it:

* copy this one file next to your script and ``import sweep_client as sweep``, or
* ``pip install ./clients/python`` (from the root of the Sweep repository).

A trial is an ordinary program: it reads its parameters, trains, and writes one JSON object per line
on stdout. This module writes those lines for you::

    import sweep_client as sweep

    p = sweep.params({"lr": 0.1, "epochs": 8})      # SWEEP_PARAMS merged over your defaults
    for epoch in range(1, p["epochs"] + 1):
        loss, acc = train_one_epoch(p["lr"])
        print(f"epoch {epoch}: loss {loss:.3f}")      # ordinary output is fine
        sweep.report(epoch=epoch, loss=loss, val_top1=acc)   # spec: pruner.resource: epoch
    sweep.result(val_top1=acc)

When ``SWEEP_PARAMS`` is not set (you run the script by hand), ``params()`` returns your defaults,
so the same script runs inside and outside a sweep.

SIGTERM (what the engine sends to prune, cancel or pause a trial): imported in the main thread while
SIGTERM still has its default handler, this module installs one that sets ``should_stop()`` and
raises ``SystemExit(143)`` in the main thread, so ``finally:`` blocks (saving a checkpoint) run. At
exit, if SIGTERM arrived and no result line was written, a ``cancelled`` result line is written.
Call ``handle_sigterm(False)`` to poll ``should_stop()`` yourself instead of getting the exception.
The engine sends SIGKILL after ``trial.stopGrace`` (10 s by default), so keep that work short.

Protocol lines go to the real stdout (``sys.__stdout__``) one whole line at a time, after whatever
you printed before them, and are flushed at once. Your own ``print()`` output may be interleaved as
long as each of your prints ends with a newline (put ``\\r`` progress bars on stderr).
"""

import atexit
import json
import math
import numbers
import os
import signal
import sys
import threading

__all__ = [
    "params",
    "trial_dir",
    "trial_number",
    "sweep_id",
    "attempt",
    "report",
    "result",
    "fail",
    "should_stop",
    "handle_sigterm",
]

__version__ = "0.1.0"

STATUSES = ("complete", "failed", "cancelled")
SIGTERM_EXIT_CODE = 128 + signal.SIGTERM  # 143

_lock = threading.Lock()
_pid = os.getpid()
_result_written = False
_stop = threading.Event()
_raise_on_sigterm = True
_sigterm_raised = False
_main_in_emit = False   # the main thread is inside _emit: SIGTERM waits for the line
_exit_pending = False


# --- parameters and trial information -------------------------------------------------------------

def params(defaults=None):
    """The trial's parameters: ``SWEEP_PARAMS`` (a JSON object) merged over ``defaults``.

    Without ``SWEEP_PARAMS`` (a run by hand) this is a copy of ``defaults``. Keys are used as they
    come (a dotted name such as ``"model.width"`` stays one key).
    """
    merged = dict(defaults or {})
    text = os.environ.get("SWEEP_PARAMS")
    if text is None or text.strip() == "":
        return merged
    try:
        value = json.loads(text)
    except ValueError as e:
        raise ValueError("SWEEP_PARAMS is not valid JSON ({}): {!r}".format(e, _clip(text))) from None
    if not isinstance(value, dict):
        raise ValueError("SWEEP_PARAMS must be a JSON object of parameters, got {}: {!r}".format(
            type(value).__name__, _clip(text)))
    merged.update(value)
    return merged


def trial_dir():
    """The trial's own folder (``SWEEP_TRIAL_DIR``), else the current directory. Checkpoints go here."""
    return os.environ.get("SWEEP_TRIAL_DIR") or os.getcwd()


def trial_number():
    """The trial number (``SWEEP_TRIAL``, 0-based), or None outside a sweep."""
    return _int_env("SWEEP_TRIAL", None)


def sweep_id():
    """The sweep id (``SWEEP_SWEEP_ID``), or None outside a sweep."""
    return os.environ.get("SWEEP_SWEEP_ID") or None


def attempt():
    """The attempt number (``SWEEP_ATTEMPT``): 1 for the first run, higher after a retry or a pause."""
    return _int_env("SWEEP_ATTEMPT", 1)


# --- protocol lines ------------------------------------------------------------------------------

def report(step=None, epoch=None, **metrics):
    """Writes one progress line: ``{"type":"progress","step":..,"epoch":..,<metric>:<number>,...}``.

    At least one of ``step`` / ``epoch`` (integers >= 0) is required. Metrics must be numbers
    (``bool``, ``str`` and ``None`` are refused; scalar tensors and NumPy numbers are read with
    ``.item()``); NaN and infinities are written as ``null``, which the engine ignores.
    """
    if step is None and epoch is None:
        raise ValueError("report() needs step or epoch (or both)")
    line = {"type": "progress"}
    if step is not None:
        line["step"] = _counter("step", step)
    if epoch is not None:
        line["epoch"] = _counter("epoch", epoch)
    line.update(_metrics(metrics, reserved=("type",)))
    _emit(line)


def result(status="complete", error=None, **metrics):
    """Writes the result line, once: ``{"type":"result","status":..,<metric>:<number>,...,"error":..}``.

    ``status`` is ``"complete"``, ``"failed"`` (needs ``error``, a text) or ``"cancelled"``. For a
    complete trial, the metric the sweep optimises should be among ``metrics``; otherwise the engine
    takes its last reported value. A second call raises RuntimeError.
    """
    if status not in STATUSES:
        raise ValueError("status must be one of {}, got {!r}".format(", ".join(STATUSES), status))
    if status == "failed" and (error is None or str(error) == ""):
        raise ValueError('result(status="failed") needs an error message')
    line = {"type": "result", "status": status}
    line.update(_metrics(metrics, reserved=("type", "status", "error")))
    if error is not None:
        line["error"] = str(error)
    _emit(line, final=True)


def fail(error):
    """Writes a failed result line with ``error``; the engine fails the trial and does not retry it."""
    result(status="failed", error=error)


# --- SIGTERM -------------------------------------------------------------------------------------

def should_stop():
    """True once SIGTERM arrived (the engine prunes, cancels or pauses the trial)."""
    return _stop.is_set()


def handle_sigterm(raise_exit=True):
    """Chooses what SIGTERM does: ``True`` (default) raises ``SystemExit(143)`` in the main thread;
    ``False`` only sets ``should_stop()``, for a loop that polls it and stops on its own.

    Call it from the main thread; it (re)installs this module's handler, also where the import
    left another handler in place.
    """
    global _raise_on_sigterm
    _raise_on_sigterm = bool(raise_exit)
    if signal.getsignal(signal.SIGTERM) is not _on_sigterm:
        try:
            signal.signal(signal.SIGTERM, _on_sigterm)
        except ValueError:
            raise RuntimeError("handle_sigterm() must be called from the main thread") from None


def _on_sigterm(signum, frame):
    global _sigterm_raised, _exit_pending
    if os.getpid() != _pid:
        # A forked child (e.g. a data-loader worker) inherited the handler: behave as if it had none.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
        return
    _stop.set()
    if not _raise_on_sigterm or _sigterm_raised:
        return   # a second SIGTERM must not interrupt the finally: blocks the first one started
    _sigterm_raised = True
    if _main_in_emit:
        _exit_pending = True   # interrupted inside _emit: it raises once its line is out
        return
    raise SystemExit(SIGTERM_EXIT_CODE)


def _install_default_handler():
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return
    signal.signal(signal.SIGTERM, _on_sigterm)


@atexit.register
def _write_cancelled_result():
    if os.getpid() != _pid or not _stop.is_set() or _result_written:
        return
    try:
        _emit({"type": "result", "status": "cancelled", "error": "cancelled by SIGTERM"}, final=True, wait=1.0)
    except (RuntimeError, OSError, ValueError):
        pass   # a result was written meanwhile, or stdout is closed: nothing left to tell


# --- internals -----------------------------------------------------------------------------------

def _emit(obj, final=False, wait=-1):
    """Writes one compact JSON line to the real stdout and flushes it; ``final`` marks the result line.

    A SIGTERM that arrives while the main thread is in here is held back until the line is out.
    """
    global _main_in_emit, _exit_pending, _result_written
    text = json.dumps(obj, separators=(",", ":"), allow_nan=False, ensure_ascii=False) + "\n"
    out = sys.__stdout__ if sys.__stdout__ is not None else sys.stdout
    in_main = threading.current_thread() is threading.main_thread()
    if in_main:
        _main_in_emit = True
    try:
        # A daemon thread may still hold the lock at exit (wait > 0 there): do not wait forever for it.
        if not _lock.acquire(timeout=wait):
            raise RuntimeError("the protocol stream is busy")
        try:
            if _result_written:
                raise RuntimeError("result() was already called: a trial writes exactly one result line" if final
                                   else "report() after result(): the result line must be the last protocol line")
            if final:
                _result_written = True
            # Whatever the script printed before this line goes out before it.
            if sys.stdout is not None and sys.stdout is not out:
                sys.stdout.flush()
            out.write(text)
            out.flush()
        finally:
            _lock.release()
    finally:
        if in_main:
            _main_in_emit = False
            if _exit_pending:
                _exit_pending = False
                raise SystemExit(SIGTERM_EXIT_CODE)


def _counter(name, value):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        value = _item(value)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError("{} must be an integer >= 0, got {!r}".format(name, value))
    if isinstance(value, numbers.Integral):
        n = int(value)
    elif math.isfinite(value) and float(value).is_integer():
        n = int(value)
    else:
        raise ValueError("{} must be an integer >= 0, got {!r}".format(name, value))
    if n < 0:
        raise ValueError("{} must be an integer >= 0, got {!r}".format(name, value))
    return n


def _metrics(metrics, reserved):
    out = {}
    for name, value in metrics.items():
        if name in reserved:
            raise ValueError("{!r} is a protocol field, not a metric name".format(name))
        out[name] = _number(name, value)
    return out


def _number(name, value):
    if isinstance(value, (bool, str, bytes)) or value is None:
        raise ValueError("metric {!r} must be a number, got {!r}".format(name, value))
    if not isinstance(value, numbers.Real):
        value = _item(value)
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise ValueError("metric {!r} must be a number, got {!r}".format(name, value))
    if isinstance(value, numbers.Integral):
        return int(value)
    value = float(value)
    return value if math.isfinite(value) else None


def _item(value):
    """A scalar tensor or NumPy number as a Python number; anything else unchanged."""
    item = getattr(value, "item", None)
    if callable(item):
        try:
            return item()
        except (TypeError, ValueError, RuntimeError):
            return value
    return value


def _int_env(name, default):
    text = os.environ.get(name)
    if text is None or text.strip() == "":
        return default
    try:
        return int(text)
    except ValueError:
        raise ValueError("{} must be an integer, got {!r}".format(name, text)) from None


def _clip(text, limit=120):
    return text if len(text) <= limit else text[:limit] + "..."


_install_default_handler()
