"""CTC losses: tf.keras's `backend.ctc_batch_cost`/`ctc_decode` (softmax probabilities, blank = last class)
and Keras 3's `losses.ctc`/`CTC` (logits, blank = padding = 0)."""
from kerax import backend, ops
from kerax.losses.losses import LossFunctionWrapper


def _lengths(x):
    return ops.cast(ops.reshape(x, (-1,)), "int32")


def _probabilities_to_logits(y_pred):
    # log(p + eps) as tf.keras does: the ops' log-softmax turns it back into (nearly) log p.
    y_pred = ops.convert_to_tensor(y_pred)
    return ops.log(y_pred + backend.epsilon())


def ctc_batch_cost(y_true, y_pred, input_length, label_length):
    """CTC loss of each sample, `(samples, 1)`.

    y_true: `(samples, max_string_length)` labels; y_pred: `(samples, time_steps, num_categories)` softmax
    output, whose last category is the blank; input_length, label_length: `(samples, 1)`.
    """
    logits = _probabilities_to_logits(y_pred)
    loss = ops.ctc_loss(ops.cast(y_true, "int32"), logits, _lengths(label_length), _lengths(input_length),
                        mask_index=logits.shape[-1] - 1)
    return ops.expand_dims(loss, 1)


def ctc_decode(y_pred, input_length, greedy=True, beam_width=100, top_paths=1):
    """Decodes softmax output `(samples, time_steps, num_categories)` (blank = last category).

    Returns `(decoded, log_probabilities)`: a list of `top_paths` label tensors `(samples, time_steps)`
    padded with -1, and `(samples, 1)` negated greedy path sums or `(samples, top_paths)` beam
    log-probabilities.
    """
    logits = _probabilities_to_logits(y_pred)
    decoded, log_probabilities = ops.ctc_decode(
        logits, _lengths(input_length), strategy="greedy" if greedy else "beam_search", beam_width=beam_width,
        top_paths=1 if greedy else top_paths, mask_index=logits.shape[-1] - 1,
    )
    return [decoded[i] for i in range(decoded.shape[0])], log_probabilities


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
