"""Pieces shared by Attention and MultiHeadAttention: masks, masked softmax, dropout of attention weights, and
the einsum equations of multi-axis attention."""
import string

from kerax import backend, ops


def causal_mask(query_length, value_length):
    """(1, Tq, Tv) booleans: query step i may attend to value steps j <= i."""
    rows = ops.expand_dims(ops.arange(query_length), 1)
    cols = ops.expand_dims(ops.arange(value_length), 0)
    return ops.expand_dims(ops.greater_equal(rows, cols), 0)


def sliding_window_mask(query_length, value_length, window):
    """(1, Tq, Tv) booleans: query step i may attend to value steps j with |i - j| < window."""
    rows = ops.expand_dims(ops.arange(query_length), 1)
    distance = ops.subtract(rows, ops.expand_dims(ops.arange(value_length), 0))
    return ops.expand_dims(ops.less(ops.abs(distance), window), 0)


def combined_attention_mask(query_length, value_length, query_mask=None, value_mask=None, key_mask=None,
                            attention_mask=None, use_causal_mask=False):
    """The logical AND of every mask given, broadcastable to (B, Tq, Tv); None when there is none."""
    parts = []
    if query_mask is not None:
        parts.append(ops.expand_dims(ops.cast(query_mask, "bool"), -1))
    for m in (value_mask, key_mask):
        if m is not None:
            parts.append(ops.expand_dims(ops.cast(m, "bool"), -2))
    if use_causal_mask:
        parts.append(causal_mask(query_length, value_length))
    if attention_mask is not None:
        parts.append(ops.cast(attention_mask, "bool"))
    if not parts:
        return None
    combined = parts[0]
    for m in parts[1:]:
        combined = ops.logical_and(combined, m)
    return combined


def masked_softmax(scores, mask, axis=-1):
    """Softmax where masked-out (False) positions get a large negative score, as Keras does."""
    if mask is not None:
        large_negative = -3e4 if backend.standardize_dtype(scores.dtype) == "float16" else -1e9
        penalty = ops.multiply(ops.subtract(1.0, ops.cast(mask, scores.dtype)), large_negative)
        scores = ops.add(scores, penalty)
    return ops.softmax(scores, axis=axis)


def attention_dropout(x, rate, seed_generator, training):
    if not training or rate == 0:
        return x
    keep = backend.random.bernoulli_keep_mask(x.shape, 1.0 - rate, seed_generator.next())
    return ops.where(keep, ops.divide(x, 1.0 - rate), ops.zeros_like(x))


def attention_equations(rank, attention_axes):
    """Einsum equations `(query, key) -> scores` and `(scores, value) -> output` for projected tensors of
    shape (batch, ..., heads, channels) with `rank` axes, attending over `attention_axes`.

    Scores are laid out as (batch and other unattended axes, heads, query attended axes, key attended axes).
    """
    letters = string.ascii_lowercase
    target = letters[:rank]
    source = "".join(letters[rank + i] if i in attention_axes else target[i] for i in range(rank))
    kept = "".join(target[i] for i in range(rank - 1) if i not in attention_axes)
    scores = kept + "".join(target[i] for i in attention_axes) + "".join(source[i] for i in attention_axes)
    return f"{target},{source}->{scores}", f"{scores},{source}->{target}"
