"""The convolution layers as Keras users meet them: Keras 1 / tf.keras spellings, configs, shapes, models and
error messages."""
import warnings

import numpy as np
import pytest

import kerax
from kerax import layers
from kerax.saving.layer_registry import deserialize_layer
from kerax.serialization.registry import serialize

# (layer, input shape without the batch)
LAYERS = {
    "conv1d_causal": (lambda: layers.Conv1D(4, 3, padding="causal", dilation_rate=2), (7, 3)),
    "conv2d": (lambda: layers.Conv2D(4, 3, strides=2, groups=2, activation="relu", kernel_regularizer="l2"),
               (8, 7, 4)),
    "conv3d_channels_first": (lambda: layers.Conv3D(2, 2, data_format="channels_first", use_bias=False),
                              (3, 4, 5, 3)),
    "conv2d_transpose": (lambda: layers.Conv2DTranspose(3, 3, strides=2, padding="same", output_padding=1),
                         (5, 4, 2)),
    "depthwise_conv2d": (lambda: layers.DepthwiseConv2D(3, depth_multiplier=2, depthwise_regularizer="l1"),
                         (6, 5, 3)),
    "separable_conv2d": (lambda: layers.SeparableConv2D(4, 3, depth_multiplier=2, padding="same",
                                                        pointwise_constraint="non_neg"), (6, 5, 3)),
}


@pytest.mark.parametrize("case", LAYERS, ids=list(LAYERS))
def test_config_round_trip_and_symbolic_shapes(case, rng):
    make_layer, shape = LAYERS[case]
    layer = make_layer()
    config = layer.get_config()
    assert type(layer).from_config(config).get_config() == config
    assert deserialize_layer(serialize(layer)).get_config() == config

    output = layer(kerax.Input(shape))
    assert output.shape == layer.compute_output_shape((None, *shape))
    assert output.shape[0] is None
    assert np.asarray(layer(rng.normal(size=(2, *shape)).astype("float32"))).shape == (2, *output.shape[1:])


def test_unknown_spatial_sizes_stay_unknown():
    assert layers.Conv2D(4, 3, strides=2)(kerax.Input((None, 9, 2))).shape == (None, None, 4, 4)
    transpose = layers.Conv2DTranspose(3, 3, strides=2)
    assert transpose(kerax.Input((None, None, 2))).shape == (None, None, None, 3)


def test_keras1_positional_kernel_dimensions():
    conv = layers.Convolution2D(8, 5, 5)
    assert (conv.filters, conv.kernel_size, conv.strides) == (8, (5, 5), (1, 1))
    assert layers.Convolution3D(4, 2, 3, 1).kernel_size == (2, 3, 1)
    assert layers.Convolution2D(8, (5, 3), (2, 1)).strides == (2, 1)  # the Keras 2 reading when given tuples
    assert layers.Conv2D(8, 5, 5).strides == (5, 5)  # Conv2D keeps the Keras 2 / 3 meaning
    assert layers.Convolution2D(8, 5, 5)(kerax.Input((28, 28, 1))).shape == (None, 24, 24, 8)


def test_keras1_argument_names():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        conv = layers.Convolution2D(8, 3, 3, subsample=(2, 2), border_mode="same", init="he_normal",
                                    W_regularizer="l2", bias=False, dim_ordering="th")
    assert (conv.strides, conv.padding, conv.use_bias) == ((2, 2), "same", False)
    assert conv.data_format == "channels_first"
    assert type(conv.kernel_initializer).__name__ == "HeNormal"
    assert type(conv.kernel_regularizer).__name__ == "L2"
    assert layers.Conv2D(8, 3, subsample=(2, 2)).strides == (2, 2)
    conv1d = layers.Convolution1D(nb_filter=4, filter_length=3, subsample_length=2)
    assert (conv1d.filters, conv1d.kernel_size, conv1d.strides) == (4, (3,), (2,))
    conv2d = layers.Conv2D(nb_filter=4, nb_row=3, nb_col=2, atrous_rate=2)
    assert (conv2d.filters, conv2d.kernel_size, conv2d.dilation_rate) == (4, (3, 2), (2, 2))


def test_numpy_integer_arguments_become_python_ints():
    conv = layers.Conv2D(np.int64(4), np.int64(3), strides=(np.int32(2), 1))
    assert (conv.filters, conv.kernel_size, conv.strides) == (4, (3, 3), (2, 1))
    assert all(type(v) is int for v in (conv.get_config()["filters"], *conv.kernel_size, *conv.strides))
    assert layers.ZeroPadding2D((np.int64(1), 2)).padding == ((1, 1), (2, 2))
    assert layers.MaxPooling2D(np.int64(2)).pool_size == (2, 2)


def test_aliases():
    assert layers.Convolution1D is layers.Conv1D
    assert layers.Convolution2DTranspose is layers.Conv2DTranspose
    assert layers.SeparableConvolution2D is layers.SeparableConv2D
    assert issubclass(layers.Convolution2D, layers.Conv2D) and issubclass(layers.Convolution3D, layers.Conv3D)


ARGUMENT_ERRORS = {
    "filters": (lambda: layers.Conv2D(kernel_size=3), TypeError,
                r"Conv2D: missing required argument `filters`"),
    "kernel_size": (lambda: layers.Conv2D(8), TypeError, r"Missing required argument `kernel_size`"),
    "zero_filters": (lambda: layers.Conv2D(0, 3), ValueError,
                     r"`filters` must be a positive integer, received filters=0"),
    "kernel_rank": (lambda: layers.Conv2D(4, (3, 3, 3)), ValueError,
                    r"Conv2D: `kernel_size` must be .* tuple of 2 positive integers"),
    "causal_2d": (lambda: layers.Conv2D(4, 3, padding="causal"), ValueError,
                  r"Conv2D: `padding` must be one of \['valid', 'same'\]"),
    "groups": (lambda: layers.Conv2D(4, 3, groups=3), ValueError,
               r"`groups` must be a positive integer dividing filters=4, received groups=3"),
    "transpose_groups": (lambda: layers.Conv2DTranspose(4, 3, groups=2), TypeError,
                         r"Conv2DTranspose.__init__\(\) got unexpected keyword argument\(s\) \['groups'\]"),
    "depth_multiplier": (lambda: layers.DepthwiseConv2D(3, depth_multiplier=0), ValueError,
                         r"`depth_multiplier` must be a positive integer"),
    "output_padding": (lambda: layers.Conv2DTranspose(4, 3, strides=2, output_padding=2), ValueError,
                       r"`output_padding` must be smaller than `strides`"),
}


@pytest.mark.parametrize("case", ARGUMENT_ERRORS, ids=list(ARGUMENT_ERRORS))
def test_argument_errors(case):
    make, error, message = ARGUMENT_ERRORS[case]
    with pytest.raises(error, match=message):
        make()


def test_input_errors_name_the_layer():
    with pytest.raises(ValueError, match=r'layer "conv2d".*expected ndim=4, found ndim=3'):
        layers.Conv2D(4, 3)(np.zeros((2, 5, 5), "float32"))
    with pytest.raises(ValueError, match=r'"conv2d_1": the number of input channels \(3\) must be divisible '
                                         r"by groups=2"):
        layers.Conv2D(4, 3, groups=2)(np.zeros((1, 5, 5, 3), "float32"))
    with pytest.raises(ValueError, match=r'"conv2d_2": the channel dimension of the input must be known'):
        layers.Conv2D(4, 3)(kerax.Input((5, 5, None)))
    with pytest.raises(ValueError, match=r'"conv2d_3": the input is smaller than the kernel'):
        layers.Conv2D(4, 3)(kerax.Input((2, 5, 1)))
    with pytest.raises(ValueError, match=r'"conv1d": the input is smaller than the kernel'):
        layers.Conv1D(2, 3, dilation_rate=2)(np.zeros((1, 4, 1), "float32"))


def test_cnn_in_sequential_functional_and_subclassed_models(rng):
    x = rng.normal(size=(8, 8, 8, 1)).astype("float32")
    model = kerax.Sequential([
        kerax.Input((8, 8, 1)), layers.Conv2D(2, 3, activation="relu"), layers.MaxPooling2D(),
        layers.Flatten(), layers.Dense(2, activation="softmax"),
    ])
    assert model.output_shape == (None, 2)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    history = model.fit(x, rng.integers(0, 2, size=8), batch_size=4, epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])

    inputs = kerax.Input((None, None, 1))
    hidden = layers.SeparableConv2D(2, 3, padding="same")(layers.Conv2DTranspose(3, 2, strides=2)(inputs))
    functional = kerax.Model(inputs, layers.DepthwiseConv2D(3)(hidden))
    assert functional.output_shape == (None, None, None, 2)
    assert np.asarray(functional(x)).shape == (8, 14, 14, 2)

    class Net(kerax.Model):
        def __init__(self):
            super().__init__()
            self.conv = layers.Conv3D(2, 2)
            self.conv1d = layers.Conv1D(3, 2, padding="causal")

        def call(self, inputs):
            volume = self.conv(inputs)
            return self.conv1d(kerax.ops.reshape(volume, (volume.shape[0], -1, 2)))

    volumes = rng.normal(size=(2, 3, 3, 2, 1)).astype("float32")
    assert np.asarray(Net()(volumes)).shape == (2, 4, 3)
