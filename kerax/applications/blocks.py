"""Pieces several application families share: the classifier top and feature pooling, padding for strided
convolutions, channel rounding, and the ReLU layers of the MobileNets."""
from kerax import activations, layers
from kerax.applications.model_inputs import channels_first


def validate_activation(classifier_activation, weights):
    """Pretrained weights were trained with a softmax top: only it (or None, for logits) fits them."""
    if weights is None:
        return
    activation = activations.get(classifier_activation)
    if activation not in {activations.get("softmax"), activations.get(None)}:
        raise ValueError(
            "Only `None` and `softmax` activations are allowed for the `classifier_activation` argument when "
            f"using pretrained weights, with `include_top=True`; Received: classifier_activation={activation}"
        )


def classifier(x, classes, classifier_activation, weights, **dense_kwargs):
    """The `predictions` Dense layer of a top."""
    validate_activation(classifier_activation, weights)
    return layers.Dense(classes, activation=classifier_activation, name="predictions", **dense_kwargs)(x)


def pooled(x, pooling, names=(None, None)):
    """Feature-extractor output: global average (`pooling="avg"`) or max (`"max"`) pooling, or `x` itself."""
    if pooling == "avg":
        return layers.GlobalAveragePooling2D(name=names[0])(x)
    if pooling == "max":
        return layers.GlobalMaxPooling2D(name=names[1])(x)
    return x


def average_top(x, include_top, pooling, classes, classifier_activation, weights, pool_names=(None, None)):
    """The usual ending: `avg_pool` + `predictions` with a top, else optional pooling."""
    if include_top:
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
        return classifier(x, classes, classifier_activation, weights)
    return pooled(x, pooling, pool_names)


def correct_pad(inputs, kernel_size):
    """Zero padding ((top, bottom), (left, right)) that makes a stride-2 'valid' convolution match
    TensorFlow's 'same' one (more padding at the end for even sizes)."""
    size = inputs.shape[2:4] if channels_first() else inputs.shape[1:3]
    kernel = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
    adjust = (1, 1) if size[0] is None else (1 - size[0] % 2, 1 - size[1] % 2)
    correct = (kernel[0] // 2, kernel[1] // 2)
    return ((correct[0] - adjust[0], correct[0]), (correct[1] - adjust[1], correct[1]))


def make_divisible(value, divisor=8, min_value=None):
    """`value` rounded to a multiple of `divisor`, never more than 10% below it (MobileNet channel counts)."""
    min_value = min_value or divisor
    rounded = max(min_value, int(value + divisor / 2) // divisor * divisor)
    return rounded + divisor if rounded < 0.9 * value else rounded


def relu(max_value=None, name=None):
    """`layers.ReLU(max_value)`, as Keras builds these models."""
    return layers.ReLU(max_value=max_value, name=name)
