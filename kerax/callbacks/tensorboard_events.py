"""Writing TensorBoard event files with the `tensorboard` package's protos, plugin metadata and record
framing. Files are opened here, not by tensorboard's EventFileWriter, because that one goes through
`tensorboard.compat.tf`, which imports TensorFlow whenever it is installed."""
import itertools
import os
import socket
import struct
import time
import zlib

import numpy as np

try:
    from tensorboard.compat.proto import event_pb2, summary_pb2
    from tensorboard.plugins.histogram import metadata as histogram_metadata
    from tensorboard.plugins.image import metadata as image_metadata
    from tensorboard.plugins.scalar import metadata as scalar_metadata
    from tensorboard.summary.writer.record_writer import RecordWriter
    from tensorboard.util import tensor_util
except ImportError as error:
    raise ImportError(
        "The TensorBoard callback writes event files with the `tensorboard` package, which is not installed: "
        "`pip install tensorboard`."
    ) from error

HISTOGRAM_BUCKETS = 30
_file_ids = itertools.count()


class EventWriter:
    """One run's event file (e.g. logs/train): scalars, histograms, images and graphs at given steps."""

    def __init__(self, logdir):
        os.makedirs(logdir, exist_ok=True)
        host, pid = socket.gethostname(), os.getpid()
        name = f"events.out.tfevents.{int(time.time()):010d}.{host}.{pid}.{next(_file_ids)}"
        self.path = os.path.join(logdir, name)
        self._records = RecordWriter(open(self.path, "wb"))
        self._write(event_pb2.Event(wall_time=time.time(), file_version="brain.Event:2"))

    def _write(self, event):
        self._records.write(event.SerializeToString())

    def _summary(self, tag, metadata, tensor, step):
        summary = summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag=tag, metadata=metadata,
                                                                       tensor=tensor)])
        self._write(event_pb2.Event(wall_time=time.time(), step=int(step), summary=summary))

    def scalar(self, tag, value, step):
        tensor = tensor_util.make_tensor_proto(np.asarray(value, dtype=np.float32))
        self._summary(tag, scalar_metadata.create_summary_metadata(None, None), tensor, step)

    def histogram(self, tag, values, step):
        tensor = tensor_util.make_tensor_proto(histogram_buckets(values), dtype=np.float64)
        self._summary(tag, histogram_metadata.create_summary_metadata(None, None), tensor, step)

    def image(self, tag, gray, step):
        """`gray`: a 2-D array, scaled from its own min and max to black and white."""
        pixels = _to_uint8(np.asarray(gray, dtype=np.float64))
        height, width = pixels.shape
        strings = np.array([str(width).encode(), str(height).encode(), png_grayscale(pixels)], dtype=object)
        metadata = image_metadata.create_summary_metadata(display_name=None, description=None)
        self._summary(tag, metadata, tensor_util.make_tensor_proto(strings), step)

    def graph(self, graph_def):
        self._write(event_pb2.Event(wall_time=time.time(), graph_def=graph_def.SerializeToString()))

    def flush(self):
        self._records.flush()

    def close(self):
        self._records.close()


def histogram_buckets(values):
    """TensorBoard's histogram tensor: [buckets, 3] rows of (left edge, right edge, count)."""
    data = np.asarray(values, dtype=np.float64).reshape(-1)
    if data.size == 0:
        return np.zeros((HISTOGRAM_BUCKETS, 3))
    low, high = data.min(), data.max()
    if low == high:  # TensorBoard's convention: every bucket at the value, all counts in the last
        counts = np.zeros(HISTOGRAM_BUCKETS)
        counts[-1] = data.size
        return np.stack([np.full(HISTOGRAM_BUCKETS, low), np.full(HISTOGRAM_BUCKETS, low), counts], axis=1)
    counts, edges = np.histogram(data, bins=HISTOGRAM_BUCKETS, range=(low, high))
    return np.stack([edges[:-1], edges[1:], counts], axis=1)


def _to_uint8(values):
    low, high = values.min(), values.max()
    scaled = (values - low) / (high - low) if high > low else np.zeros_like(values)
    return np.round(scaled * 255).astype(np.uint8)


def png_grayscale(pixels):
    """A minimal 8-bit grayscale PNG of a [height, width] uint8 array."""
    height, width = pixels.shape

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + row.tobytes() for row in pixels)  # filter type 0 per row
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    signature = b"\x89PNG\r\n\x1a\n"
    return signature + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
