"""TensorBoard: event files for TensorBoard under `log_dir/train` and `log_dir/validation`."""
import os
import time
import warnings

from kerax import backend
from kerax.callbacks.batch_counter import BatchCounter
from kerax.callbacks.callback import Callback
from kerax.callbacks.tensorboard_embeddings import embedding_layers, write_projector
from kerax.callbacks.tensorboard_events import EventWriter
from kerax.callbacks.tensorboard_graph import layer_graph_def


class TensorBoard(Callback):
    """Writes, as Keras does: `epoch_<metric>` scalars per epoch (validation ones in `validation/`, plus
    `epoch_learning_rate`), `batch_<metric>` every `update_freq` batches ('batch' = 1) at the number of
    batches trained so far, `evaluation_<metric>_vs_iterations` at the end of `evaluate`, weight histograms
    (`<layer>/<weight>/histogram`) and, with `write_images`, 1-D and 2-D weights as grayscale images every
    `histogram_freq` epochs, the layer graph (a GraphDef of one node per layer), a device profile of the
    batches `profile_batch` names (an int or a (start, stop) pair, counted from 1; it goes to
    `train/plugins/profile`), and embedding layers' vectors for the projector every `embeddings_freq`
    epochs. Only update_freq other than 'epoch' and profile_batch make fit run one step per device call."""

    def __init__(self, log_dir="logs", histogram_freq=0, write_graph=True, write_images=False,
                 write_steps_per_second=False, update_freq="epoch", profile_batch=0, embeddings_freq=0,
                 embeddings_metadata=None, **kwargs):
        super().__init__()
        for old in ("batch_size", "write_grads", "embeddings_layer_names", "embeddings_data"):
            if old in kwargs:
                kwargs.pop(old)
                warnings.warn(f"TensorBoard: the Keras 2 argument `{old}` is ignored.", stacklevel=2)
        if kwargs:
            raise TypeError(f"TensorBoard() got unexpected keyword argument(s) {sorted(kwargs)}.")
        if update_freq == "batch":
            update_freq = 1
        if update_freq != "epoch" and not (isinstance(update_freq, int) and update_freq > 0):
            raise ValueError(
                f"update_freq must be 'epoch', 'batch' or a positive integer, received {update_freq!r}."
            )
        self.log_dir = os.fspath(log_dir)
        self.histogram_freq = histogram_freq
        self.write_graph = write_graph
        self.write_images = write_images
        self.write_steps_per_second = write_steps_per_second
        self.update_freq = update_freq
        self.embeddings_freq = embeddings_freq
        self.embeddings_metadata = embeddings_metadata
        self._profile_start, self._profile_stop = _profile_range(profile_batch)
        self.handles_grouped_batches = update_freq == "epoch" and not self._profile_start
        self._writers = {}
        self._counter = BatchCounter()
        self._profiling = False
        self._in_fit = False
        self._graph_pending = False

    def _writer(self, run):
        if run not in self._writers:
            self._writers[run] = EventWriter(os.path.join(self.log_dir, run))
        return self._writers[run]

    def _close_writers(self):
        for writer in self._writers.values():
            writer.close()
        self._writers = {}

    # --- training -----------------------------------------------------------------------------------------
    def on_train_begin(self, logs=None):
        self._in_fit = True
        self._counter = BatchCounter()
        self._graph_pending = self.write_graph  # written after the first epoch, when the model is built

    def on_epoch_begin(self, epoch, logs=None):
        self._counter.start_epoch()
        if self.write_steps_per_second:
            self._epoch_start = (time.time(), self._iterations())

    def on_train_batch_begin(self, batch, logs=None):
        first = self._counter.total + 1
        if self._profile_start and not self._profiling and self._profile_start <= first <= self._profile_stop:
            backend.start_profiler(os.path.join(self.log_dir, "train"))
            self._profiling = True

    def on_train_batch_end(self, batch, logs=None):
        before = self._counter.total
        total = before + self._counter.advance(batch)
        if self._profiling and total >= self._profile_stop:
            self._stop_profiler()
        if self.update_freq != "epoch" and total // self.update_freq > before // self.update_freq:
            for name, value in (logs or {}).items():
                self._writer("train").scalar(f"batch_{name}", value, total)

    def on_epoch_end(self, epoch, logs=None):
        logs = dict(logs or {})
        train = {k: v for k, v in logs.items() if not k.startswith("val_")}
        if "learning_rate" not in train and self._has_float_rate():
            train["learning_rate"] = float(backend.convert_to_numpy(self.model.optimizer.learning_rate))
        if self.write_steps_per_second:
            started, iterations = self._epoch_start
            train["steps_per_second"] = (self._iterations() - iterations) / max(time.time() - started, 1e-9)
        for name, value in train.items():
            self._writer("train").scalar(f"epoch_{name}", value, epoch)
        validation = {k[4:]: v for k, v in logs.items() if k.startswith("val_")}
        for name, value in validation.items():
            self._writer("validation").scalar(f"epoch_{name}", value, epoch)
        if self.histogram_freq and epoch % self.histogram_freq == 0:
            self._log_weights(epoch)
        if self._graph_pending:
            self._writer("train").graph(layer_graph_def(self.model))
            self._graph_pending = False
        if self.embeddings_freq and epoch % self.embeddings_freq == 0:
            write_projector(os.path.join(self.log_dir, "train"), embedding_layers(self.model),
                            self.embeddings_metadata)
        for writer in self._writers.values():
            writer.flush()

    def on_train_end(self, logs=None):
        self._in_fit = False
        if self._profiling:
            self._stop_profiler()
        self._close_writers()

    # --- evaluation ---------------------------------------------------------------------------------------
    def on_test_end(self, logs=None):
        step = self._iterations()
        for name, value in (logs or {}).items():
            self._writer("validation").scalar(f"evaluation_{name}_vs_iterations", value, step)
        if self._in_fit:
            self._writer("validation").flush()
        else:
            self._close_writers()

    # --- helpers ------------------------------------------------------------------------------------------
    def _log_weights(self, epoch):
        for layer in self.model.layers:
            for weight in layer.weights:
                tag = str(weight.path).replace(":", "_")
                values = weight.numpy()
                self._writer("train").histogram(f"{tag}/histogram", values, epoch)
                if self.write_images and values.squeeze().ndim in (1, 2):
                    self._writer("train").image(f"{tag}/image", _as_image(values.squeeze()), epoch)

    def _iterations(self):
        optimizer = getattr(self.model, "optimizer", None)
        return int(backend.convert_to_numpy(optimizer.iterations)) if optimizer is not None else 0

    def _has_float_rate(self):
        optimizer = getattr(self.model, "optimizer", None)
        rate = getattr(optimizer, "learning_rate", None) if optimizer is not None else None
        return isinstance(rate, backend.Variable)

    def _stop_profiler(self):
        backend.stop_profiler()
        self._profiling = False
        self._profile_start = 0  # profile once, like Keras


def _as_image(values):
    """A bias becomes one row; a kernel is laid out wider than tall."""
    if values.ndim == 1:
        return values[None, :]
    return values.T if values.shape[0] > values.shape[1] else values


def _profile_range(profile_batch):
    """0 -> (0, 0) (off); N -> (N, N); (start, stop) or 'start,stop' -> (start, stop)."""
    value = profile_batch
    if isinstance(value, str) and all(part.strip().isdigit() for part in value.split(",")):
        value = tuple(int(part) for part in value.split(","))
    if isinstance(value, int) and not isinstance(value, bool):
        value = (value, value)
    if (isinstance(value, (tuple, list)) and len(value) == 2 and all(isinstance(v, int) for v in value)
            and (tuple(value) == (0, 0) or 0 < value[0] <= value[1])):
        return tuple(value)
    raise ValueError(
        "profile_batch must be a non-negative integer or 2-tuple of positive integers. A pair of positive "
        f"integers signifies a range of batches to profile. Found: {profile_batch!r}"
    )
