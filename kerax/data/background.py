"""Work off the calling thread: map(num_parallel_calls=n) runs the function in n worker threads, and
prefetch(n) runs the whole pipeline below it in a background thread that keeps up to n elements ready in a
bounded queue.

Both keep tf.data's element order. Decoding files (Pillow, `wave`, file reads) releases the GIL, so while the
training step runs on the main thread, the next batches are being read and decoded.
"""
import collections
import os
import queue
import threading
from concurrent.futures import ThreadPoolExecutor

from kerax.data import transforms
from kerax.data.experimental import AUTOTUNE
from kerax.data.node import Node

_AUTOTUNE_PREFETCH = 2  # batches kept ready; one is being consumed while the next is built


def worker_count(num_parallel_calls):
    """Threads for `num_parallel_calls`: AUTOTUNE is one per CPU core; None or 1 is the caller's thread."""
    if num_parallel_calls is None:
        return 1
    n = int(num_parallel_calls)
    if n == AUTOTUNE:
        return os.cpu_count() or 1
    if n < 1:
        raise ValueError(
            f"num_parallel_calls must be a positive integer or kerax.data.AUTOTUNE, got {num_parallel_calls}."
        )
    return n


class ParallelMap(Node):
    """Elements come out in input order; at most `4 * workers` are in flight, which bounds memory."""

    def __init__(self, child, fn, workers):
        self.child, self.fn, self.workers = child, fn, workers

    def iterate(self):
        window = collections.deque()
        pool = ThreadPoolExecutor(self.workers, thread_name_prefix="kerax-data-map")
        try:
            for element in self.child.iterate():
                window.append(pool.submit(transforms.apply_map, self.fn, element))
                if len(window) >= 4 * self.workers:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    def cardinality(self):
        return self.child.cardinality()


class Prefetch(Node):
    def __init__(self, child, buffer_size):
        n = int(buffer_size)
        if n < 0 and n != AUTOTUNE:
            raise ValueError(
                f"prefetch() buffer_size must be >= 0 or kerax.data.AUTOTUNE, got {buffer_size}."
            )
        self.child, self.size = child, _AUTOTUNE_PREFETCH if n == AUTOTUNE else n

    def iterate(self):
        if self.size == 0:
            return self.child.iterate()
        return in_background(self.child.iterate(), self.size)

    def cardinality(self):
        return self.child.cardinality()

    def spec(self):
        return self.child.spec()


_DONE = object()


def in_background(elements, size):
    """Yields what `elements` yields, produced by a daemon thread into a queue of `size` slots. Abandoning the
    iteration (an epoch cut short by `steps_per_epoch`) stops the thread and closes the pipeline below."""
    slots, stop = queue.Queue(size), threading.Event()

    def put(item):
        while not stop.is_set():
            try:
                slots.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce():
        try:
            for element in elements:
                if not put((element, None)):
                    break
            put((_DONE, None))
        except BaseException as error:  # handed to the consumer, raised there with its traceback
            put((_DONE, error))
        finally:
            close = getattr(elements, "close", None)  # a generator: runs the finally blocks below it now
            if close is not None:
                close()

    threading.Thread(target=produce, daemon=True, name="kerax-data-prefetch").start()
    try:
        while True:
            element, error = slots.get()
            if error is not None:
                raise error
            if element is _DONE:
                return
            yield element
    finally:
        stop.set()
