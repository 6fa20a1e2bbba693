"""Which accuracy (or cross-entropy) the generic names 'accuracy'/'acc' ('crossentropy'/'ce') stand for.

As in tf.keras: the loss decides when it is a cross-entropy; otherwise the shapes do. A last dimension of 1
means binary; labels with one fewer dimension (or a last dimension of 1 against several scores) mean sparse
integer labels; anything else means one-hot labels.
"""
from kerax.losses import probabilistic
from kerax.losses.registry import loss_function_of
from kerax.metrics import accuracy_metrics

ACCURACY_NAMES = ("accuracy", "acc")
CROSSENTROPY_NAMES = ("crossentropy", "ce")


def _target_kind(loss, y_true_shape, y_pred_shape, is_binary_hint):
    """'binary', 'sparse' or 'categorical'."""
    loss_fn = loss_function_of(loss)
    if loss_fn is probabilistic.sparse_categorical_crossentropy:
        return "sparse"
    if loss_fn is probabilistic.categorical_crossentropy:
        return "categorical"
    y_true_shape = tuple(y_true_shape or ())
    y_pred_shape = tuple(y_pred_shape or ())
    pred_last = y_pred_shape[-1] if y_pred_shape else 1
    true_last = y_true_shape[-1] if y_true_shape else None
    binary_losses = (probabilistic.binary_crossentropy, probabilistic.binary_focal_crossentropy)
    if is_binary_hint or pred_last == 1 or loss_fn in binary_losses:
        return "binary"
    if len(y_true_shape) < len(y_pred_shape) or (true_last == 1 and pred_last != 1):
        return "sparse"
    return "categorical"


def resolve_accuracy(loss, y_true_shape, y_pred_shape, is_binary_hint=False):
    """The accuracy function for 'accuracy'/'acc', given the compiled loss and the label/prediction shapes."""
    return {
        "binary": accuracy_metrics.binary_accuracy,
        "sparse": accuracy_metrics.sparse_categorical_accuracy,
        "categorical": accuracy_metrics.categorical_accuracy,
    }[_target_kind(loss, y_true_shape, y_pred_shape, is_binary_hint)]


def resolve_crossentropy(loss, y_true_shape, y_pred_shape, is_binary_hint=False):
    """The cross-entropy function for 'crossentropy'/'ce', chosen by the same rules."""
    return {
        "binary": probabilistic.binary_crossentropy,
        "sparse": probabilistic.sparse_categorical_crossentropy,
        "categorical": probabilistic.categorical_crossentropy,
    }[_target_kind(loss, y_true_shape, y_pred_shape, is_binary_hint)]
