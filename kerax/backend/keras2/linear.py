"""tf.keras 2's products: `K.dot` (N-d as tf.keras defines it) and `K.batch_dot` with `axes`."""
from kerax.backend import engine
from kerax.backend.keras2.graph import symbolic_aware
from kerax.backend.keras2.math import tensor

np_ = engine.numpy


@symbolic_aware
def dot(x, y):
    """Matrix product; for N-d tensors, x's last axis with y's second-to-last, as tf.keras:
    x (..., n) . y (..., n, m) -> x.shape[:-1] + y.shape[:-2] + (m,)."""
    x, y = tensor(x), tensor(y)
    if x.ndim > 2 or y.ndim > 2:
        return np_.tensordot(x, y, axes=[[x.ndim - 1], [y.ndim - 2]])
    return np_.matmul(x, y)


def _batch_dot_axes(axes, x_shape, y_shape):
    x_ndim, y_ndim = len(x_shape), len(y_shape)
    if x_ndim < 2 or y_ndim < 2:
        raise ValueError("Cannot do batch_dot on inputs with rank < 2. Received inputs with shapes "
                         f"{x_shape} and {y_shape}.")
    if None not in (x_shape[0], y_shape[0]) and x_shape[0] != y_shape[0]:
        raise ValueError("Cannot do batch_dot on inputs with different batch sizes. Received inputs with "
                         f"shapes {x_shape} and {y_shape}.")
    if isinstance(axes, int):
        axes = [axes, axes]
    if axes is None:
        axes = [x_ndim - 1, y_ndim - 1 if y_ndim == 2 else y_ndim - 2]
    if any(isinstance(a, (list, tuple)) for a in axes):
        raise ValueError(f"Multiple target dimensions are not supported. Expected: None, int, (int, int), "
                         f"Provided: {axes}")
    axes = [axes[0] % x_ndim, axes[1] % y_ndim]
    if 0 in axes:
        raise ValueError("Cannot perform batch_dot over axis 0. If your inputs are not batched, add a dummy "
                         "batch dimension to your inputs using K.expand_dims(x, 0)")
    d1, d2 = x_shape[axes[0]], y_shape[axes[1]]
    if None not in (d1, d2) and d1 != d2:
        raise ValueError(f"Cannot do batch_dot on inputs with shapes {x_shape} and {y_shape} with "
                         f"axes={axes}. x.shape[{axes[0]}] != y.shape[{axes[1]}] ({d1} != {d2}).")
    return axes


@symbolic_aware
def batch_dot(x, y, axes=None):
    """Per-sample dot product: for each sample b, x[b] and y[b] contracted over `axes` (default: x's last
    axis with y's second-to-last, or y's last when y is 2-d). The result has x's remaining axes, then y's;
    a 2-d input contributes no axis of its own (two (b, n) inputs give (b, 1))."""
    x, y = tensor(x), tensor(y)
    ax, ay = _batch_dot_axes(axes, tuple(x.shape), tuple(y.shape))
    x_was_2d, y_was_2d = x.ndim == 2, y.ndim == 2
    x = np_.moveaxis(x, ax, -1)
    y = np_.moveaxis(y, ay, 1)
    if x_was_2d:
        x = np_.expand_dims(x, 1)
    if y_was_2d:
        y = np_.expand_dims(y, 2)
    # x: (b, *mid, n), y: (b, n, *trail) -> (b, *mid, *trail)
    out = np_.einsum("b...n,bnz->b...z", x, np_.reshape(y, (y.shape[0], y.shape[1], -1)))
    out = np_.reshape(out, tuple(out.shape[:-1]) + tuple(y.shape[2:]))
    if x_was_2d:
        return np_.squeeze(out, 1)
    if y_was_2d:
        return np_.squeeze(out, -1)
    return out
