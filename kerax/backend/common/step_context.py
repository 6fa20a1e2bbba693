"""What a step knows besides its batch, in one place, beside the stateless scope (stateless_scope.py).

For people who override `train_step` / `test_step` or write layers:
- The stateless scope: inside a compiled step, reading a Variable gives the traced value and `assign` is
  recorded, so stateful code runs compiled (see stateless_scope.py).
- The batch mask: the last, smaller batch of an epoch (and a batch that does not divide over devices) is padded
  to the full batch size so one compiled step serves every batch. `batch_mask()` is 1.0 for real rows and 0.0
  for padding (None outside fit/evaluate/predict); `real_batch_size(x)` counts the real rows of a batch `x`.
  Losses, metrics, BatchNormalization's statistics and activity regularizers weight padding by zero; a custom
  step that averages over the batch should do the same.
- The training flag: the outermost layer call's `training` travels to every nested call that does not set it
  (`current_training()`).
- Host-prepared inputs: a model whose graph begins with host-side preprocessing layers (strings, lookups) has
  them run on each batch before the compiled step; inside the step `host_prepared_model()` is that graph,
  which then reads its batch as the host part's outputs (see kerax/models/host_part.py).
"""
import threading

from kerax.backend.common.dtypes import standardize_dtype

_state = threading.local()


# --- the batch mask ----------------------------------------------------------------------------------------
def batch_mask():
    return getattr(_state, "mask", None)


def real_batch_size(x, dtype="float32"):
    """The number of real rows of `x` (its first dimension when no step is running), as a scalar of dtype."""
    mask = batch_mask()
    if mask is not None and mask.shape[0] == x.shape[0]:
        return mask.sum().astype(standardize_dtype(dtype))
    return x.shape[0]


class BatchMaskScope:
    """Set by the trainer around each step: `mask` has one entry per row of the batch."""

    def __init__(self, mask):
        self.mask = mask

    def __enter__(self):
        self._previous = batch_mask()
        _state.mask = self.mask

    def __exit__(self, *exc):
        _state.mask = self._previous


# --- the training flag -------------------------------------------------------------------------------------
def current_training():
    stack = getattr(_state, "training", None)
    return stack[-1] if stack else None


def is_outermost_call():
    return not getattr(_state, "training", None)


class TrainingScope:
    """Set by each layer call around its `call`."""

    def __init__(self, training):
        self.training = training

    def __enter__(self):
        if not hasattr(_state, "training"):
            _state.training = []
        _state.training.append(self.training)

    def __exit__(self, *exc):
        _state.training.pop()


# --- inputs already through a model's host part ----------------------------------------------------------
def host_prepared_model():
    return getattr(_state, "host_model", None)


class HostPreparedScope:
    """Set by the trainer around each step of a model with host layers: `model` is the functional graph whose
    host part the data already went through."""

    def __init__(self, model):
        self.model = model

    def __enter__(self):
        self._previous = host_prepared_model()
        _state.host_model = self.model

    def __exit__(self, *exc):
        _state.host_model = self._previous
