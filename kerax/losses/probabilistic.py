"""Cross-entropy and divergence losses as functions, with Keras's clipping of probabilities by epsilon."""
from kerax import backend, ops
from kerax.losses.loss import prepare_pair, to_float


def _check_same_shape(y_true, y_pred, fn_name, hint=""):
    if tuple(y_true.shape) != tuple(y_pred.shape):
        raise ValueError(
            f"{fn_name}: `y_true` and `y_pred` must have the same shape. Received: y_true.shape="
            f"{tuple(y_true.shape)}, y_pred.shape={tuple(y_pred.shape)}.{hint}"
        )


def _elementwise_binary_crossentropy(y_true, y_pred, from_logits):
    if from_logits:
        return -y_true * ops.log_sigmoid(y_pred) - (1.0 - y_true) * ops.log_sigmoid(-y_pred)
    eps = backend.epsilon()
    y_pred = ops.clip(y_pred, eps, 1.0 - eps)
    return -(y_true * ops.log(y_pred) + (1.0 - y_true) * ops.log(1.0 - y_pred))


def _log_probabilities(y_pred, from_logits, axis):
    """log_softmax of logits; for probabilities, normalized to sum 1 and clipped to [eps, 1 - eps] first."""
    if from_logits:
        return ops.log_softmax(y_pred, axis=axis)
    eps = backend.epsilon()
    y_pred = y_pred / ops.sum(y_pred, axis=axis, keepdims=True)
    return ops.log(ops.clip(y_pred, eps, 1.0 - eps))


def binary_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    y_true, y_pred = prepare_pair(y_true, y_pred)
    _check_same_shape(y_true, y_pred, "binary_crossentropy")
    if label_smoothing:
        y_true = y_true * (1.0 - label_smoothing) + 0.5 * label_smoothing
    return ops.mean(_elementwise_binary_crossentropy(y_true, y_pred, from_logits), axis=axis)


def binary_focal_crossentropy(y_true, y_pred, apply_class_balancing=False, alpha=0.25, gamma=2.0,
                              from_logits=False, label_smoothing=0.0, axis=-1):
    """Binary cross-entropy scaled by (1 - p_t) ** gamma, which down-weights easy examples."""
    y_true, y_pred = prepare_pair(y_true, y_pred)
    _check_same_shape(y_true, y_pred, "binary_focal_crossentropy")
    if label_smoothing:
        y_true = y_true * (1.0 - label_smoothing) + 0.5 * label_smoothing
    bce = _elementwise_binary_crossentropy(y_true, y_pred, from_logits)
    probabilities = ops.sigmoid(y_pred) if from_logits else y_pred
    p_t = y_true * probabilities + (1.0 - y_true) * (1.0 - probabilities)
    focal = ops.power(1.0 - p_t, gamma) * bce
    if apply_class_balancing:
        focal = (y_true * alpha + (1.0 - y_true) * (1.0 - alpha)) * focal
    return ops.mean(focal, axis=axis)


def categorical_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    y_pred = to_float(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    _check_same_shape(
        y_true, y_pred, "categorical_crossentropy",
        " For integer class labels use sparse_categorical_crossentropy, or one-hot encode them "
        "(kerax.utils.to_categorical).",
    )
    if label_smoothing:
        num_classes = y_pred.shape[axis]
        y_true = y_true * (1.0 - label_smoothing) + label_smoothing / num_classes
    return -ops.sum(y_true * _log_probabilities(y_pred, from_logits, axis), axis=axis)


def sparse_categorical_crossentropy(y_true, y_pred, from_logits=False, ignore_class=None, axis=-1):
    """Cross-entropy with integer labels of shape (batch, ...) or (batch, ..., 1). Entries labelled
    `ignore_class` get a loss of 0."""
    y_pred = to_float(y_pred)
    y_true = ops.convert_to_tensor(y_true)
    if len(y_true.shape) == len(y_pred.shape) and y_true.shape[-1] == 1:
        y_true = ops.squeeze(y_true, -1)
    labels_shape = tuple(d for i, d in enumerate(y_pred.shape) if i != axis % len(y_pred.shape))
    if tuple(y_true.shape) != labels_shape:
        raise ValueError(
            "sparse_categorical_crossentropy: `y_true` must hold one integer label per prediction, of shape "
            f"{labels_shape} (or with a trailing 1). Received: y_true.shape={tuple(y_true.shape)}, "
            f"y_pred.shape={tuple(y_pred.shape)}. For one-hot labels use categorical_crossentropy."
        )
    y_true = ops.cast(y_true, "int32")
    valid = None
    if ignore_class is not None:
        valid = ops.not_equal(y_true, ignore_class)
        y_true = ops.where(valid, y_true, 0)
    classes = y_pred.shape[axis]
    backend.check_in_range(y_true, 0, classes, lambda label: _describe_bad_label(label, classes))
    one_hot = ops.one_hot(y_true, classes, axis=axis, dtype=y_pred.dtype)
    loss = -ops.sum(one_hot * _log_probabilities(y_pred, from_logits, axis), axis=axis)
    return loss if valid is None else ops.where(valid, loss, 0.0)


def _describe_bad_label(label, classes):
    return (
        f"sparse_categorical_crossentropy received the label {label}, outside the valid range [0, {classes}) "
        f"of the {classes} classes the model predicts. Labels must be class indices 0 to {classes - 1}: "
        "shift 1-based labels down by one, or give the last layer one unit per class."
    )


def kl_divergence(y_true, y_pred):
    y_true, y_pred = prepare_pair(y_true, y_pred)
    y_true = ops.clip(y_true, backend.epsilon(), 1.0)
    y_pred = ops.clip(y_pred, backend.epsilon(), 1.0)
    return ops.sum(y_true * ops.log(y_true / y_pred), axis=-1)


def poisson(y_true, y_pred):
    y_true, y_pred = prepare_pair(y_true, y_pred)
    return ops.mean(y_pred - y_true * ops.log(y_pred + backend.epsilon()), axis=-1)


kld = KLD = kullback_leibler_divergence = kl_divergence
bce = BCE = binary_crossentropy
