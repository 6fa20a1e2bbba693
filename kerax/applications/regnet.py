"""RegNetX002 ... RegNetX320 and RegNetY002 ... RegNetY320 (Radosavovic et al., 2020), tf.keras 2's RegNet
applications: four stages of X blocks (grouped-convolution bottlenecks) or Y blocks (X + squeeze-and-excite)
whose depths and widths come from the paper's quantized linear rule. The model rescales its own input
(`include_preprocessing`), so `preprocess_input` passes pixels (0-255) through."""
from kerax import backend, layers
from kerax.applications import blocks, model_inputs, regnet_blocks, weight_files
from kerax.applications.imagenet_utils import decode_predictions
from kerax.applications.preprocessing_modes import passthrough as preprocess_input

_SIZES = ("002", "004", "006", "008", "016", "032", "040", "064", "080", "120", "160", "320")
__all__ = [f"RegNet{t}{s}" for t in "XY" for s in _SIZES] + ["decode_predictions", "preprocess_input"]

# variant -> (depths, widths, group width) of the four stages, as tf.keras has them (default size: 224)
MODEL_CONFIGS = {
    "x002": ([1, 1, 4, 7], [24, 56, 152, 368], 8), "x004": ([1, 2, 7, 12], [32, 64, 160, 384], 16),
    "x006": ([1, 3, 5, 7], [48, 96, 240, 528], 24), "x008": ([1, 3, 7, 5], [64, 128, 288, 672], 16),
    "x016": ([2, 4, 10, 2], [72, 168, 408, 912], 24), "x032": ([2, 6, 15, 2], [96, 192, 432, 1008], 48),
    "x040": ([2, 5, 14, 2], [80, 240, 560, 1360], 40), "x064": ([2, 4, 10, 1], [168, 392, 784, 1624], 56),
    "x080": ([2, 5, 15, 1], [80, 240, 720, 1920], 120), "x120": ([2, 5, 11, 1], [224, 448, 896, 2240], 112),
    "x160": ([2, 6, 13, 1], [256, 512, 896, 2048], 128), "x320": ([2, 7, 13, 1], [336, 672, 1344, 2520], 168),
    "y002": ([1, 1, 4, 7], [24, 56, 152, 368], 8), "y004": ([1, 3, 6, 6], [48, 104, 208, 440], 8),
    "y006": ([1, 3, 7, 4], [48, 112, 256, 608], 16), "y008": ([1, 3, 8, 2], [64, 128, 320, 768], 16),
    "y016": ([2, 6, 17, 2], [48, 120, 336, 888], 24), "y032": ([2, 5, 13, 1], [72, 216, 576, 1512], 24),
    "y040": ([2, 6, 12, 2], [128, 192, 512, 1088], 64), "y064": ([2, 7, 14, 2], [144, 288, 576, 1296], 72),
    "y080": ([2, 4, 10, 1], [168, 448, 896, 2016], 56), "y120": ([2, 5, 11, 1], [224, 448, 896, 2240], 112),
    "y160": ([2, 4, 11, 1], [224, 448, 1232, 3024], 112),
    "y320": ([2, 5, 12, 1], [232, 696, 1392, 3712], 232),
}
DEFAULT_SIZE = 224


def _top(x, include_top, pooling, classes, classifier_activation, weights):
    """tf.keras's head (`<n>_head_gap`, `<n>head_dense`, n counting heads built since the session began),
    or optional pooling. tf.keras 2.21 checks `classifier_activation` but never applies it (its tops return
    logits); it is applied here, as documented."""
    if not include_top:
        return blocks.pooled(x, pooling)
    uid = backend.get_uid("head")
    x = layers.GlobalAveragePooling2D(name=f"{uid}_head_gap")(x)
    blocks.validate_activation(classifier_activation, weights)
    return layers.Dense(classes, activation=classifier_activation, name=f"{uid}head_dense")(x)


def RegNet(depths, widths, group_width, block_type, default_size, model_name="regnet",
           include_preprocessing=True, include_top=True, weights="imagenet", input_tensor=None,
           input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", weights_name=None):
    """A RegNet of four stages of `block_type` ("X" or "Y") blocks with `depths[i]` blocks of `widths[i]`
    channels; `weights_name` (e.g. "regnetx002") names Keras's published weight files."""
    model_inputs.check_weights(weights, include_top, classes)
    input_shape = model_inputs.obtain_input_shape(input_shape, default_size, 32, include_top, weights)
    img_input = model_inputs.image_input(input_tensor, input_shape)
    x = img_input
    if include_preprocessing:
        x = layers.Rescaling(1.0 / 255.0, name=f"{model_name}_prestem_rescaling")(x)
    x = regnet_blocks.stem(x, model_name)
    filters_in = 32
    for i, (depth, width) in enumerate(zip(depths, widths, strict=True)):
        x = regnet_blocks.stage(x, block_type, depth, group_width, filters_in, width,
                                f"{model_name}_Stage_{i}")
        filters_in = width
    x = _top(x, include_top, pooling, classes, classifier_activation, weights)
    model = model_inputs.functional_model(input_tensor, img_input, x, model_name)
    file_name = f"{weights_name or model_name}{'' if include_top else '_notop'}.h5"
    return weight_files.load(model, weights, file_name)


def _variant(key):
    depths, widths, group_width = MODEL_CONFIGS[key]

    def build(model_name=f"regnet{key}", include_top=True, include_preprocessing=True, weights="imagenet",
              input_tensor=None, input_shape=None, pooling=None, classes=1000,
              classifier_activation="softmax"):
        return RegNet(depths, widths, group_width, key[0].upper(), DEFAULT_SIZE, model_name=model_name,
                      include_preprocessing=include_preprocessing, include_top=include_top, weights=weights,
                      input_tensor=input_tensor, input_shape=input_shape, pooling=pooling, classes=classes,
                      classifier_activation=classifier_activation, weights_name=f"regnet{key}")

    build.__name__ = build.__qualname__ = f"RegNet{key.upper()}"
    build.__doc__ = (f"RegNet{key.upper()} ({int(key[1:]) / 10:g} GFLOPs, {key[0].upper()} blocks, input "
                     "224x224); takes pixels in [0, 255] (its first layer rescales them).")
    return build


RegNetX002, RegNetX004, RegNetX006, RegNetX008 = (_variant(f"x{s}") for s in _SIZES[:4])
RegNetX016, RegNetX032, RegNetX040, RegNetX064 = (_variant(f"x{s}") for s in _SIZES[4:8])
RegNetX080, RegNetX120, RegNetX160, RegNetX320 = (_variant(f"x{s}") for s in _SIZES[8:])
RegNetY002, RegNetY004, RegNetY006, RegNetY008 = (_variant(f"y{s}") for s in _SIZES[:4])
RegNetY016, RegNetY032, RegNetY040, RegNetY064 = (_variant(f"y{s}") for s in _SIZES[4:8])
RegNetY080, RegNetY120, RegNetY160, RegNetY320 = (_variant(f"y{s}") for s in _SIZES[8:])
