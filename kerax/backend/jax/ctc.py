"""Connectionist temporal classification: loss and decoding. (JAX)

Inputs are unnormalized logits `(batch, time, classes)`; both ops apply log-softmax first. `mask_index` is
the blank class. Labels past `target_length` may hold any value.
"""
import functools

import jax
import jax.numpy as jnp

from kerax.backend.jax import checks, ctc_beam_search
from kerax.backend.jax.numpy import _op

# A finite "log 0": keeps the loss and its gradient finite where no alignment exists (TF returns inf there).
_LOG_ZERO = -1e30


def _log_probs(output):
    output = jnp.asarray(output)
    dtype = jnp.promote_types(output.dtype, jnp.float32)
    return jax.nn.log_softmax(output.astype(dtype), axis=-1), output.dtype


def _lengths(x):
    return jnp.reshape(jnp.asarray(x), (-1,)).astype(jnp.int32)


def _shift(x, n):
    """x moved n positions right along the last axis, filled with log 0."""
    return jnp.pad(x[:, :-n], ((0, 0), (n, 0)), constant_values=_LOG_ZERO)


@functools.partial(jax.jit, static_argnames=("mask_index",))
def _ctc_loss(target, log_probs, target_length, output_length, mask_index):
    batch, max_time, num_classes = log_probs.shape
    # The extended label sequence: blank, l1, blank, l2, ..., blank.
    extended = jnp.full((batch, 2 * target.shape[1] + 1), mask_index, jnp.int32).at[:, 1::2].set(target)
    gather_index = jnp.broadcast_to(jnp.clip(extended, 0, num_classes - 1)[:, None, :],
                                    (batch, max_time, extended.shape[1]))
    emit = jnp.take_along_axis(log_probs, gather_index, axis=2)
    # A label may be reached from two positions back unless it repeats the label before it.
    is_label = jnp.arange(extended.shape[1]) % 2 == 1
    can_skip = is_label & (extended != jnp.pad(extended[:, :-2], ((0, 0), (2, 0)), constant_values=-1))
    # alpha before the first frame: all mass on a virtual start, so frame 0 enters positions 0 and 1 only.
    alpha = jnp.full(extended.shape, _LOG_ZERO, log_probs.dtype).at[:, 0].set(0.0)
    active = jnp.arange(max_time)[:, None] < output_length[None, :]

    def step(alpha, frame):
        emit_t, active_t = frame
        paths = jnp.logaddexp(alpha, _shift(alpha, 1))
        paths = jnp.logaddexp(paths, jnp.where(can_skip, _shift(alpha, 2), _LOG_ZERO))
        return jnp.where(active_t[:, None], paths + emit_t, alpha), None

    alpha, _ = jax.lax.scan(step, alpha, (jnp.swapaxes(emit, 0, 1), active))
    end = 2 * target_length
    ends_blank = jnp.take_along_axis(alpha, end[:, None], axis=1)[:, 0]
    ends_label = jnp.take_along_axis(alpha, jnp.maximum(end - 1, 0)[:, None], axis=1)[:, 0]
    ends_label = jnp.where(target_length > 0, ends_label, _LOG_ZERO)
    return -jnp.logaddexp(ends_blank, ends_label)


@_op
def ctc_loss(target, output, target_length, output_length, mask_index=0):
    """Per-sample negative log-likelihood `(batch,)` of `target` `(batch, max_label_length)` under the CTC
    model over `output` logits `(batch, max_time, classes)`."""
    log_probs, dtype = _log_probs(output)
    target, target_length = jnp.asarray(target).astype(jnp.int32), _lengths(target_length)
    _check_labels(target, target_length, log_probs.shape[-1], int(mask_index))
    loss = _ctc_loss(target, log_probs, target_length, _lengths(output_length), int(mask_index))
    return loss.astype(dtype)


def _check_labels(target, target_length, num_classes, mask_index):
    """Labels within `target_length` must be classes other than the blank: a blank label has no CTC
    meaning (the loss would count paths that never emit it)."""
    used = jnp.arange(target.shape[1])[None, :] < target_length[:, None]

    def describe(label):
        return (f"CTC received the label {label}: labels must be classes in [0, {num_classes}) other than "
                f"the blank class {mask_index} (mask_index; tf.keras's ctc_batch_cost uses the last class). "
                "Check that the model has one output per character plus one for the blank.")

    checks.check_in_range(jnp.where(used, target, mask_index), 0, num_classes, describe)
    checks.check_in_range(jnp.where(used & (target == mask_index), 1, 0), 0, 1,
                          lambda _: describe(mask_index))


def _pack_left(labels, keep):
    """Kept labels moved to the front of each row in order; the rest filled with -1."""
    order = jnp.argsort(~keep, axis=1, stable=True)
    packed = jnp.take_along_axis(labels, order, axis=1)
    count = jnp.sum(keep, axis=1, keepdims=True)
    return jnp.where(jnp.arange(labels.shape[1])[None, :] < count, packed, -1)


@functools.partial(jax.jit, static_argnames=("merge_repeated", "mask_index"))
def _greedy_decode(log_probs, lengths, merge_repeated, mask_index):
    best = jnp.argmax(log_probs, axis=-1).astype(jnp.int32)
    valid = jnp.arange(best.shape[1])[None, :] < lengths[:, None]
    keep = valid & (best != mask_index)
    if merge_repeated:
        keep &= best != jnp.pad(best[:, :-1], ((0, 0), (1, 0)), constant_values=-1)
    scores = -jnp.sum(jnp.where(valid, jnp.max(log_probs, axis=-1), 0.0), axis=1, keepdims=True)
    return _pack_left(best, keep)[None], scores


@_op
def ctc_decode(inputs, sequence_lengths, strategy="greedy", beam_width=100, top_paths=1, merge_repeated=True,
               mask_index=0):
    """(decoded `(paths, batch, max_time)` padded with -1, scores). Greedy scores `(batch, 1)` are the
    negated sum of each frame's best log-probability; beam-search scores `(batch, top_paths)` are the
    log-probabilities of the decoded labellings. `mask_index=None` means the last class (TF's blank)."""
    log_probs, _ = _log_probs(inputs)
    lengths = _lengths(sequence_lengths)
    if mask_index is None:
        mask_index = log_probs.shape[-1] - 1
    if strategy == "greedy":
        return _greedy_decode(log_probs, lengths, bool(merge_repeated), int(mask_index))
    if strategy == "beam_search":
        if not 1 <= top_paths <= beam_width:
            raise ValueError(
                f"`top_paths` must be between 1 and `beam_width`. Received: top_paths={top_paths}, "
                f"beam_width={beam_width}"
            )
        return ctc_beam_search.decode(log_probs, lengths, int(beam_width), int(top_paths),
                                      bool(merge_repeated), int(mask_index))
    raise ValueError(f"Invalid `strategy` {strategy!r}. Expected 'greedy' or 'beam_search'.")
