"""Where kerax's messages go: stdout while interactive logging is on (the default), Python's `logging`
(logger "kerax", level INFO) once `disable_interactive_logging()` is called, as Keras sends them to absl.

Imports nothing from kerax: the callbacks and the trainer use it too."""
import logging
import sys

_STATE = {"interactive": True}
_LOGGER = logging.getLogger("kerax")


def enable_interactive_logging():
    """Turn on interactive logging: progress bars and messages are written to stdout."""
    _STATE["interactive"] = True


def disable_interactive_logging():
    """Turn off interactive logging: messages go to the `kerax` logger and progress bars print only their
    finished lines (no live updates), as suits jobs whose output goes to a log."""
    _STATE["interactive"] = False


def is_interactive_logging_enabled():
    return _STATE["interactive"]


def is_live_terminal():
    """Whether output may redraw itself in place: interactive logging on and stdout a terminal or notebook."""
    if not is_interactive_logging_enabled():
        return False
    return bool(getattr(sys.stdout, "isatty", lambda: False)()) or "ipykernel" in sys.modules


def print_msg(message, line_break=True):
    message = str(message)
    if is_interactive_logging_enabled():
        sys.stdout.write(message + "\n" if line_break else message)
        sys.stdout.flush()
    else:
        _LOGGER.info(message.strip("\r\n"))
