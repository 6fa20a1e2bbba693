"""TimedThread (tf.keras): calls `on_interval()` every `interval` seconds in a background thread, between
`start()` and `stop()` (or inside `with`)."""
import threading
import warnings


class TimedThread:
    """Subclass it and implement `on_interval`; `**kwargs` go to `threading.Thread` (daemon by default)."""

    def __init__(self, interval, **kwargs):
        self.interval = interval
        self.daemon = kwargs.pop("daemon", True)
        self.thread_kwargs = kwargs
        self.thread = None
        self.thread_stop_event = None

    def _call_on_interval(self):
        while not self.thread_stop_event.is_set():
            self.on_interval()
            self.thread_stop_event.wait(self.interval)

    def start(self):
        """Starts the thread (a warning if it already runs)."""
        if self.is_alive():
            warnings.warn("Thread is already running.", stacklevel=2)
            return
        self.thread_stop_event = threading.Event()
        self.thread = threading.Thread(target=self._call_on_interval, daemon=self.daemon,
                                       **self.thread_kwargs)
        self.thread.start()

    def stop(self):
        """Asks the thread to stop after its current call."""
        if self.thread_stop_event:
            self.thread_stop_event.set()

    def is_alive(self):
        return bool(self.thread and self.thread.is_alive())

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def on_interval(self):
        """What runs every `interval` seconds."""
        raise NotImplementedError("Runs every x interval seconds. Needs to be implemented in subclasses of "
                                  "`TimedThread`")
