"""Pooling to a fixed size, patch rearrangements and attention against NumPy loop references."""
import math

import numpy as np
import pytest

from kerax import ops
from op_checks import check

rng = np.random.default_rng(3)


def _adaptive_reference(x, size, reduce):
    """x (batch, length, channels) pooled over axis 1 to `size` cells, PyTorch's windows."""
    length = x.shape[1]
    cells = [reduce(x[:, math.floor(i * length / size):math.ceil((i + 1) * length / size)], axis=1)
             for i in range(size)]
    return np.stack(cells, axis=1)


@pytest.mark.parametrize("name,reduce", [("adaptive_average_pool", np.mean), ("adaptive_max_pool", np.max)])
def test_adaptive_pools(name, reduce):
    x = rng.normal(size=(2, 7, 3)).astype("float32")
    check(getattr(ops, name)(x, 3), _adaptive_reference(x, 3, reduce), rtol=1e-5)
    images = rng.normal(size=(1, 5, 7, 2)).astype("float32")
    rows = np.stack([_adaptive_reference(images[:, :, c, :], 2, reduce) for c in range(7)], axis=2)
    expected = np.stack([_adaptive_reference(rows[:, r], 4, reduce) for r in range(2)], axis=1)
    check(getattr(ops, name)(images, (2, 4)), expected, rtol=1e-5)
    first = getattr(ops, name)(np.moveaxis(images, -1, 1), (2, 4), data_format="channels_first")
    check(first, np.moveaxis(expected, -1, 1), rtol=1e-5)
    with pytest.raises(ValueError, match="output_size"):
        getattr(ops, name)(images, (2, 2, 2))


def test_depth_to_space_and_back():
    x = np.arange(2 * 2 * 3 * 8, dtype="float32").reshape(2, 2, 3, 8)
    out = np.asarray(ops.depth_to_space(x, 2))
    assert out.shape == (2, 4, 6, 2)
    # Output pixel (2h + i, 2w + j) holds channels [(2i + j) * 2, (2i + j) * 2 + 2) of input pixel (h, w).
    np.testing.assert_array_equal(out[1, 2 * 1 + 1, 2 * 2 + 0], x[1, 1, 2, 4:6])
    check(ops.space_to_depth(out, 2), x)
    first = np.moveaxis(x, -1, 1)
    # channels_first: output pixel (2h + i, 2w + j) holds channel c * 4 + 2i + j.
    out_first = np.asarray(ops.depth_to_space(first, 2, data_format="channels_first"))
    np.testing.assert_array_equal(out_first[0, 1, 2 * 1 + 1, 2 * 0 + 0], first[0, 1 * 4 + 2, 1, 0])
    check(ops.space_to_depth(out_first, 2, data_format="channels_first"), first)


def _unfold_reference(x, k, dilation, padding, stride):
    x = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    n, c, h, w = x.shape
    span = dilation * (k - 1) + 1
    columns = []
    for top in range(0, h - span + 1, stride):
        for left in range(0, w - span + 1, stride):
            window = x[:, :, top:top + span:dilation, left:left + span:dilation]
            columns.append(window.reshape(n, c * k * k))
    return np.stack(columns, axis=-1)


def test_unfold_and_fold():
    x = rng.normal(size=(2, 3, 5, 6)).astype("float32")
    columns = ops.unfold(x, 2, dilation=2, padding=1, stride=2)
    check(columns, _unfold_reference(x, 2, 2, 1, 2))
    # fold adds every column back where it came from: fold(unfold(ones)) counts the windows over each pixel.
    ones = np.ones((1, 2, 4, 4), "float32")
    counts = np.asarray(ops.fold(ops.unfold(ones, 3), (4, 4), 3))
    expected = np.outer([1, 2, 2, 1], [1, 2, 2, 1])
    np.testing.assert_array_equal(counts[0, 1], expected)
    with pytest.raises(ValueError, match="4-D"):
        ops.unfold(x[0], 2)


def _attention_reference(q, k, v, mask=None, bias=None, causal=False, scale=None, soft_cap=None):
    heads, key_heads = q.shape[2], k.shape[2]
    k = np.repeat(k, heads // key_heads, axis=2)
    v = np.repeat(v, heads // key_heads, axis=2)
    logits = np.einsum("bthd,bshd->bhts", q, k) * (scale or 1 / np.sqrt(q.shape[-1]))
    if soft_cap is not None:
        logits = logits / (1 + np.abs(logits) / soft_cap)
    if bias is not None:
        logits = logits + bias
    allowed = np.ones(logits.shape, bool)
    if mask is not None:
        allowed = allowed & mask
    if causal:
        allowed = allowed & np.tril(np.ones(logits.shape[-2:], bool))
    logits = np.where(allowed, logits, -1e30)
    weights = np.exp(logits - logits.max(-1, keepdims=True))
    weights /= weights.sum(-1, keepdims=True)
    return np.einsum("bhts,bshd->bthd", weights, v)


def test_dot_product_attention():
    q = rng.normal(size=(2, 3, 4, 8)).astype("float32")
    k = rng.normal(size=(2, 5, 2, 8)).astype("float32")  # 2 key heads for 4 query heads
    v = rng.normal(size=(2, 5, 2, 8)).astype("float32")
    mask = rng.random((2, 1, 3, 5)) > 0.3
    mask[..., 0] = True
    bias = rng.normal(size=(1, 4, 3, 5)).astype("float32")
    check(ops.dot_product_attention(q, k, v), _attention_reference(q, k, v), dtype="float32", atol=1e-5)
    check(ops.dot_product_attention(q, k, v, bias=bias, mask=mask, scale=0.3),
          _attention_reference(q, k, v, mask, bias, scale=0.3), dtype="float32", atol=1e-5)
    check(ops.dot_product_attention(q, k[:, :3], v[:, :3], is_causal=True),
          _attention_reference(q, k[:, :3], v[:, :3], causal=True), dtype="float32", atol=1e-5)
    check(ops.dot_product_attention(q, k, v, flash_attention=False, attn_logits_soft_cap=2.0),
          _attention_reference(q, k, v, soft_cap=2.0), dtype="float32", atol=1e-5)
    wide_v = rng.normal(size=(2, 5, 2, 6)).astype("float32")  # value depth differs from key depth
    check(ops.dot_product_attention(q, k, wide_v, mask=mask), _attention_reference(q, k, wide_v, mask),
          dtype="float32", atol=1e-5)
    with pytest.raises(ValueError, match="4-D"):
        ops.dot_product_attention(q[0], k[0], v[0])
