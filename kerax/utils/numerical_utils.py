"""to_categorical, to_ordinal and normalize: NumPy helpers for preparing labels and features."""
import numpy as np


def to_categorical(y, num_classes=None, dtype="float32"):
    """One-hot rows for integer labels: shape (n,) or (n, 1) gives (n, num_classes); other shapes get a
    trailing class axis."""
    y = np.asarray(y).astype("int64")
    if y.ndim > 1 and y.shape[-1] == 1:
        y = y[..., 0]
    if num_classes is None:
        num_classes = int(y.max()) + 1 if y.size else 0
    if y.size and (y.min() < 0 or y.max() >= num_classes):
        raise ValueError(
            f"to_categorical needs labels in [0, {num_classes}); got labels from {y.min()} to {y.max()}. "
            "Pass a larger num_classes, or map the labels to 0..num_classes-1."
        )
    return (y[..., None] == np.arange(num_classes)).astype(dtype)


def to_ordinal(y, num_classes=None, dtype="float32"):
    """Ordinal-regression rows for integer labels (tf.keras): label k of `num_classes` becomes
    `num_classes - 1` entries, the first k of them 1, e.g. 2 of 4 -> [1, 1, 0]."""
    y = np.asarray(y).astype("int64")
    if y.ndim > 1 and y.shape[-1] == 1:
        y = y[..., 0]
    if num_classes is None:
        num_classes = int(y.max()) + 1 if y.size else 1
    if y.size and (y.min() < 0 or y.max() >= num_classes):
        raise ValueError(f"to_ordinal needs labels in [0, {num_classes}); got labels from {y.min()} to {y.max()}.")
    return (np.arange(num_classes - 1) < y[..., None]).astype(dtype)


def normalize(x, axis=-1, order=2):
    """x divided by its `order`-norm along `axis`; slices whose norm is zero are left as they are."""
    x = np.asarray(x)
    norm = np.linalg.norm(x, ord=order, axis=axis, keepdims=True)
    return x / np.where(norm == 0, 1, norm)
