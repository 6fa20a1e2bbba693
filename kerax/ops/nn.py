"""kerax.ops.nn: neural-network ops (Keras's `keras.ops.nn`): activations, convolution and pooling,
normalization, attention, losses, CTC, encodings and patch rearrangements."""
from kerax import backend as _backend
from kerax.ops.symbolic import export as _export

__all__ = (
    "adaptive_average_pool", "adaptive_max_pool", "average_pool", "batch_normalization",
    "binary_crossentropy", "categorical_crossentropy", "conv", "conv_transpose", "ctc_decode", "ctc_loss",
    "depth_to_space", "depthwise_conv", "dot_product_attention", "elu", "fold", "gelu", "hard_sigmoid",
    "hard_silu", "hard_swish", "layer_normalization", "leaky_relu", "log_sigmoid", "log_softmax",
    "max_pool", "moments", "multi_hot", "normalize", "one_hot", "polar", "psnr", "relu", "relu6",
    "rms_normalization", "selu", "separable_conv", "sigmoid", "silu", "softmax", "softplus", "softsign",
    "space_to_depth", "sparse_categorical_crossentropy", "swish", "unfold",
    "celu", "glu", "hard_shrink", "hard_tanh", "soft_shrink", "sparse_plus", "sparse_sigmoid", "sparsemax",
    "squareplus", "tanh_shrink", "threshold",
)
_export(globals(), _backend.op_family("nn"), __all__)
