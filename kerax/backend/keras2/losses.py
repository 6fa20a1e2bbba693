"""tf.keras 2's cross-entropies on probabilities (clipped to [epsilon, 1 - epsilon]) or logits."""
from kerax.backend import config, engine
from kerax.backend.keras2.activations import sigmoid
from kerax.backend.keras2.graph import symbolic_aware
from kerax.backend.keras2.math import tensor

np_ = engine.numpy


def _clipped(output):
    eps = config.epsilon()
    return np_.clip(output, eps, 1.0 - eps)


def _checked(target, output, name):
    target, output = tensor(target), tensor(output)
    if target.ndim != output.ndim or any(a != b for a, b in zip(target.shape, output.shape)):
        raise ValueError(f"K.{name}: `target` and `output` must have the same shape, received "
                         f"{tuple(target.shape)} and {tuple(output.shape)}.")
    return engine.cast(target, output.dtype), output


@symbolic_aware
def binary_crossentropy(target, output, from_logits=False):
    """Elementwise binary cross-entropy."""
    target, output = tensor(target), tensor(output)
    target = engine.cast(target, output.dtype)
    if from_logits:  # the stable form of sigmoid cross-entropy
        return np_.maximum(output, 0.0) - output * target + np_.log1p(np_.exp(-np_.abs(output)))
    eps = config.epsilon()
    output = _clipped(output)
    return -(target * np_.log(output + eps) + (1 - target) * np_.log(1 - output + eps))


@symbolic_aware
def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    """Cross-entropy over `axis` between one-hot (or soft) targets and probabilities or logits."""
    target, output = _checked(target, output, "categorical_crossentropy")
    if from_logits:
        return -np_.sum(target * engine.nn.log_softmax(output, axis=axis), axis=axis)
    output = _clipped(output / np_.sum(output, axis=axis, keepdims=True))
    return -np_.sum(target * np_.log(output), axis=axis)


@symbolic_aware
def sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1, ignore_class=None):
    """Cross-entropy with integer targets (one axis fewer than output); with `ignore_class`, entries whose
    target is that class give 0."""
    target, output = tensor(target), tensor(output)
    output = engine.nn.log_softmax(output, axis=axis) if from_logits else np_.log(_clipped(output))
    output = np_.moveaxis(output, axis, -1)
    target = engine.cast(np_.reshape(target, tuple(output.shape[:-1])), "int32")
    valid = None if ignore_class is None else np_.not_equal(target, ignore_class)
    safe_target = target if valid is None else np_.where(valid, target, 0)
    picked = np_.take_along_axis(output, np_.expand_dims(safe_target, -1), axis=-1)
    loss = -np_.squeeze(picked, -1)
    return loss if valid is None else np_.where(valid, loss, np_.zeros_like(loss))


@symbolic_aware
def binary_focal_crossentropy(target, output, apply_class_balancing=False, alpha=0.25, gamma=2.0,
                              from_logits=False):
    """Binary cross-entropy weighted by (1 - p_t) ** gamma (and by alpha / 1 - alpha with class balancing)."""
    target, output = tensor(target), tensor(output)
    target = engine.cast(target, output.dtype)
    probabilities = sigmoid(output) if from_logits else output
    p_t = target * probabilities + (1 - target) * (1 - probabilities)
    focal = np_.power(1.0 - p_t, gamma) * binary_crossentropy(target, output, from_logits=from_logits)
    if apply_class_balancing:
        focal = (target * alpha + (1 - target) * (1 - alpha)) * focal
    return focal


@symbolic_aware
def categorical_focal_crossentropy(target, output, alpha=0.25, gamma=2.0, from_logits=False, axis=-1):
    """Categorical cross-entropy with each class's term weighted by alpha * (1 - p) ** gamma."""
    target, output = _checked(target, output, "categorical_focal_crossentropy")
    if from_logits:
        output = engine.nn.softmax(output, axis=axis)
    output = _clipped(output / np_.sum(output, axis=axis, keepdims=True))
    terms = alpha * np_.power(1.0 - output, gamma) * (-target * np_.log(output))
    return np_.sum(terms, axis=axis)
