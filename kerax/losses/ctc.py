"""Keras 3's CTC loss, `losses.ctc`/`CTC` (logits, blank = padding = 0). tf.keras's `backend.ctc_batch_cost`
(softmax probabilities, blank = last class) is in kerax/backend/keras2.py."""
from kerax import ops
from kerax.losses.losses import LossFunctionWrapper


def ctc(y_true, y_pred):
    """Keras 3 CTC loss per sample: y_true `(batch, max_length)` labels padded with 0 (the blank), y_pred
    `(batch, time_steps, num_classes)` logits; every sample uses all time steps."""
    if len(y_true.shape) != 2:
        raise ValueError(
            "Targets `y_true` are expected to be a tensor of shape `(batch_size, max_length)` in integer "
            f"format. Received: y_true.shape={tuple(y_true.shape)}"
        )
    if len(y_pred.shape) != 3:
        raise ValueError(
            "Logits `y_pred` are expected to be a tensor of shape `(batch_size, max_length, num_classes)`. "
            f"Received: y_pred.shape={tuple(y_pred.shape)}"
        )
    y_true = ops.cast(y_true, "int32")
    label_length = ops.sum(ops.cast(ops.not_equal(y_true, 0), "int32"), axis=-1)
    input_length = ops.full((y_pred.shape[0],), y_pred.shape[1], dtype="int32")
    return ops.ctc_loss(y_true, y_pred, label_length, input_length, mask_index=0)


class CTC(LossFunctionWrapper):
    """Keras 3 `keras.losses.CTC`: see `ctc`."""

    def __init__(self, reduction="sum_over_batch_size", name="ctc", dtype=None):
        super().__init__(ctc, reduction=reduction, name=name, dtype=dtype)
