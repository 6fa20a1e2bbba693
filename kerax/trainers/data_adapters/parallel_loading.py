"""Loading batches in the background while the device trains (`fit(workers=, use_multiprocessing=,
max_queue_size=)`, or a PyDataset's own settings): at most `max_queue_size` batches are ready or being made.

An indexable dataset (`Sequence` / `PyDataset`) is read by `workers` threads, or processes with
`use_multiprocessing=True`, in order. A generator can only be read by one consumer, so one thread reads it ahead.
"""
import collections
import itertools
import multiprocessing
import queue
import threading
from concurrent import futures

_END = object()
_ERROR = object()
_source_in_worker = None  # the dataset, in each worker process (inherited when the process is forked)


def _set_source(source):
    global _source_in_worker
    _source_in_worker = source


def _item_in_worker(index):
    return _source_in_worker[index]


def indexed_in_order(source, indices, workers, use_multiprocessing, max_queue_size):
    """Yields `source[i]` for each i of `indices`, in order, computed ahead by a pool."""
    if use_multiprocessing:
        pool = futures.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                           initializer=_set_source, initargs=(source,))
        fetch = _item_in_worker
    else:
        pool = futures.ThreadPoolExecutor(workers, thread_name_prefix="kerax-loader")
        fetch = source.__getitem__
    indices = iter(indices)
    pending = collections.deque(pool.submit(fetch, i) for i in itertools.islice(indices, max_queue_size))
    try:
        while pending:
            batch = pending.popleft().result()
            following = next(indices, _END)
            if following is not _END:
                pending.append(pool.submit(fetch, following))
            yield batch
    finally:
        for future in pending:
            future.cancel()
        pool.shutdown(wait=False, cancel_futures=True)


def read_ahead(iterator, max_queue_size):
    """Yields the items of `iterator`, read ahead by one background thread into a bounded queue; an error in
    the iterator is raised here."""
    items = queue.Queue(maxsize=max_queue_size)
    stop = threading.Event()

    def produce():
        try:
            for item in iterator:
                while not stop.is_set():
                    try:
                        items.put(item, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            items.put(_END)
        except BaseException as error:  # handed to the consumer, which raises it
            items.put((_ERROR, error))

    thread = threading.Thread(target=produce, name="kerax-reader", daemon=True)
    thread.start()
    try:
        while True:
            item = items.get()
            if item is _END:
                return
            if isinstance(item, tuple) and len(item) == 2 and item[0] is _ERROR:
                raise item[1]
            yield item
    finally:
        stop.set()
