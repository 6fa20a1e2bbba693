"""ResNetRS50 ... ResNetRS420 (Bello et al., 2021: "Revisiting ResNets"), tf.keras 2's ResNet-RS applications.
The model rescales and normalizes its own input (`include_preprocessing`), so `preprocess_input` passes pixels
(0-255) through; without that preprocessing the model expects pixels in [-1, 1]. Each depth has ImageNet
weights trained at one or more input sizes: `weights="imagenet-i<size>"` picks one, `"imagenet"` the
largest."""
import os

from kerax import layers
from kerax.applications import blocks, model_inputs, weight_files
from kerax.applications.imagenet_utils import decode_predictions
from kerax.applications.preprocessing_modes import passthrough as preprocess_input
from kerax.applications.resnet_rs_blocks import Settings, block_group, stem

__all__ = ["ResNetRS50", "ResNetRS101", "ResNetRS152", "ResNetRS200", "ResNetRS270", "ResNetRS350",
           "ResNetRS420", "decode_predictions", "preprocess_input"]

# depth -> blocks in each of the four groups (64, 128, 256, 512 bottleneck filters)
REPEATS = {50: (3, 4, 6, 3), 101: (3, 4, 23, 3), 152: (3, 8, 36, 3), 200: (3, 24, 36, 3),
           270: (4, 29, 53, 4), 350: (4, 36, 72, 4), 420: (4, 44, 87, 4)}
BLOCK_ARGS = {depth: [{"input_filters": 64 << i, "num_repeats": r} for i, r in enumerate(repeats)]
              for depth, repeats in REPEATS.items()}
# depth -> input sizes Keras publishes ImageNet weights for
DEPTH_TO_WEIGHT_VARIANTS = {50: [160], 101: [160, 192], 152: [192, 224, 256], 200: [256], 270: [256],
                            350: [256, 320], 420: [320]}
IMAGENET_MEAN_RGB, IMAGENET_STDDEV_RGB = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]


def resolve_weights(weights, depth, include_top, classes):
    """`weights`, "imagenet" spelled as its largest `imagenet-i<size>` variant, after tf.keras's checks."""
    variants = DEPTH_TO_WEIGHT_VARIANTS[depth]
    if weights == "imagenet":
        weights = f"imagenet-i{max(variants)}"
    allowed = [f"imagenet-i{size}" for size in variants]
    if not (weights in {*allowed, None} or os.path.exists(weights)):
        raise ValueError(
            "The `weights` argument should be either `None` (random initialization), `'imagenet'` "
            "(pre-training on ImageNet, with highest available input shape), or the path to the weights file "
            "to be loaded. "
            f"For ResNetRS{depth} the following weight variants are available {allowed} (default=highest). "
            f"Received weights={weights}")
    if weights in allowed and include_top and classes != 1000:
        raise ValueError(f"If using `weights` as `'imagenet'` or any of {allowed} with `include_top` as "
                         f"true, `classes` should be 1000. Received classes={classes}")
    return weights


def _preprocessed(x, input_shape):
    x = layers.Rescaling(1.0 / 255)(x)
    if input_shape[model_inputs.bn_axis() - 1] != 3:
        return x
    return layers.Normalization(mean=IMAGENET_MEAN_RGB, variance=[s**2 for s in IMAGENET_STDDEV_RGB],
                                axis=model_inputs.bn_axis())(x)


def _top(x, include_top, pooling, classes, classifier_activation, weights, dropout_rate):
    if not include_top:
        return blocks.pooled(x, pooling, ("avg_pool", "max_pool"))
    x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    if dropout_rate > 0:
        x = layers.Dropout(dropout_rate, name="top_dropout")(x)
    return blocks.classifier(x, classes, classifier_activation, weights)


def ResNetRS(depth, input_shape=None, bn_momentum=0.0, bn_epsilon=1e-5, activation="relu", se_ratio=0.25,
             dropout_rate=0.25, drop_connect_rate=0.2, include_top=True, block_args=None,
             model_name="resnet-rs", pooling=None, weights="imagenet", input_tensor=None, classes=1000,
             classifier_activation="softmax", include_preprocessing=True):
    """A ResNet-RS of `depth` (a key of `BLOCK_ARGS` unless `block_args` lists the groups); group g (2..5)
    drops whole examples from its residual branches at rate `drop_connect_rate * g / 5` while training."""
    weights = resolve_weights(weights, depth, include_top, classes)
    input_shape = model_inputs.obtain_input_shape(input_shape, 224, 32, include_top, weights)
    img_input = model_inputs.image_input(input_tensor, input_shape)
    x = _preprocessed(img_input, input_shape) if include_preprocessing else img_input
    settings = Settings(bn_momentum, bn_epsilon, activation, se_ratio)
    x = stem(x, settings)
    block_args = BLOCK_ARGS[depth] if block_args is None else block_args
    for i, args in enumerate(block_args):
        drop_rate = drop_connect_rate * (i + 2) / (len(block_args) + 1)
        x = block_group(x, args["input_filters"], 1 if i == 0 else 2, args["num_repeats"], settings,
                        drop_rate, f"BlockGroup{i + 2}_")
    x = _top(x, include_top, pooling, classes, classifier_activation, weights, dropout_rate)
    model = model_inputs.functional_model(input_tensor, img_input, x, model_name)
    if weights is None or not weights.startswith("imagenet-i"):
        return weight_files.load(model, weights, None)
    file_name = f"resnet-rs-{depth}-{weights.split('-')[-1]}{'' if include_top else '_notop'}.h5"
    return weight_files.load(model, "imagenet", file_name)


def _variant(depth, dropout_rate, drop_connect_rate):
    def build(include_top=True, weights="imagenet", classes=1000, input_shape=None, input_tensor=None,
              pooling=None, classifier_activation="softmax", include_preprocessing=True):
        return ResNetRS(depth, input_shape=input_shape, dropout_rate=dropout_rate,
                        drop_connect_rate=drop_connect_rate, include_top=include_top,
                        model_name=f"resnet-rs-{depth}", pooling=pooling, weights=weights,
                        input_tensor=input_tensor, classes=classes,
                        classifier_activation=classifier_activation,
                        include_preprocessing=include_preprocessing)

    build.__name__ = build.__qualname__ = f"ResNetRS{depth}"
    build.__doc__ = (f"ResNet-RS{depth} (default input 224x224; ImageNet weights trained at "
                     f"{', '.join(map(str, DEPTH_TO_WEIGHT_VARIANTS[depth]))}); takes pixels in [0, 255].")
    return build


ResNetRS50, ResNetRS101, ResNetRS152 = (_variant(depth, 0.25, 0.0) for depth in (50, 101, 152))
ResNetRS200, ResNetRS270 = (_variant(depth, 0.25, 0.1) for depth in (200, 270))
ResNetRS350, ResNetRS420 = (_variant(depth, 0.4, 0.1) for depth in (350, 420))
