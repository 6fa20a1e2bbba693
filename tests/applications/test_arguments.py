"""The arguments every application takes, and the errors Keras gives for wrong ones."""
import pytest

import kerax
from kerax import applications, layers


@pytest.fixture(autouse=True)
def cheap(shape_only_weights):
    """Only shapes and errors are checked here."""


@pytest.mark.parametrize("build", [applications.ResNet50, applications.MobileNetV2,
                                   applications.EfficientNetB0, applications.ConvNeXtTiny,
                                   applications.MobileNetV3Small])
def test_weights_must_be_none_imagenet_or_a_file(build):
    with pytest.raises(ValueError, match="`weights` argument should be either `None`.*weights=nope"):
        build(weights="nope")
    with pytest.raises(ValueError, match="`classes` should be 1000.  Received classes=10"):
        build(weights="imagenet", classes=10)


def test_classes_and_activation():
    model = applications.Xception(weights=None, classes=7, classifier_activation=None)
    assert tuple(model.output.shape) == (None, 7)
    assert model.get_layer("predictions").activation is kerax.activations.linear
    with pytest.raises(ValueError, match="Only `None` and `softmax` activations are allowed"):
        applications.DenseNet121(weights="imagenet", classifier_activation="sigmoid")


def test_input_shape_rules():
    with pytest.raises(ValueError, match=r"`input_shape` should be \(224, 224, 3\).*\(160, 160, 3\)"):
        applications.VGG16(weights="imagenet", input_shape=(160, 160, 3))
    with pytest.raises(ValueError, match="Input size must be at least 75x75"):
        applications.InceptionV3(weights=None, include_top=False, input_shape=(74, 74, 3))
    with pytest.raises(ValueError, match="The input must have 3 channels"):
        applications.ResNet50(weights="imagenet", include_top=False, input_shape=(64, 64, 1))
    free = applications.ResNet50(weights=None, include_top=False)
    assert tuple(free.input.shape) == (None, None, None, 3)
    with pytest.warns(UserWarning, match="usually expects 1 or 3 input channels"):
        applications.DenseNet121(weights=None, include_top=False, input_shape=(32, 32, 4))


def test_input_tensor_becomes_the_model_input():
    image = layers.Input((64, 64, 3))
    scaled = layers.Rescaling(1 / 255)(image)
    model = applications.MobileNetV2(input_tensor=scaled, include_top=False, weights=None, alpha=0.35)
    assert model.inputs == [image] and "rescaling" in [layer.name for layer in model.layers]
    with pytest.raises(ValueError, match="`input_tensor` must be a symbolic tensor"):
        applications.ResNet50(input_tensor=kerax.ops.zeros((1, 32, 32, 3)), weights=None, include_top=False)


def test_family_arguments():
    half = applications.MobileNet(weights=None, alpha=0.5, input_shape=(128, 128, 3))
    assert half.name == "mobilenet_0.50_128"
    doubled = applications.MobileNet(weights=None, depth_multiplier=2)
    assert doubled.get_layer("conv_dw_1").depth_multiplier == 2
    large = applications.MobileNetV2(weights=None, alpha=1.4)
    assert large.name == "mobilenetv2_1.40_224" and large.get_layer("Conv_1").filters == 1792
    minimal = applications.MobileNetV3Large(weights=None, minimalistic=True, include_preprocessing=False)
    assert "rescaling" not in [layer.name for layer in minimal.layers]
    assert "expanded_conv_3_squeeze_excite_mul" not in [layer.name for layer in minimal.layers]
    v2 = applications.EfficientNetV2S(weights=None, include_preprocessing=False)
    assert v2.layers[1].name == "stem_conv"
    with pytest.raises(ValueError, match="alpha can be one of `0.75`, `1.0`"):
        applications.MobileNetV3Small(weights="imagenet", alpha=0.5)
    with pytest.raises(ValueError, match="depth multiplier must be 1"):
        applications.MobileNet(weights="imagenet", depth_multiplier=2)


@pytest.mark.parametrize("build", [applications.DenseNet121, applications.NASNetMobile,
                                   applications.ConvNeXtTiny])
def test_channels_first_is_refused_where_keras_refuses_it(build):
    kerax.backend.set_image_data_format("channels_first")
    try:
        with pytest.raises(ValueError, match="does not support the `channels_first` image data format"):
            build(weights=None)
    finally:
        kerax.backend.set_image_data_format("channels_last")


def test_channels_first_builds():
    kerax.backend.set_image_data_format("channels_first")
    try:
        model = applications.ResNet50(weights=None, include_top=False, pooling="avg", input_shape=(3, 64, 64))
        assert tuple(model.output.shape) == (None, 2048)
        assert applications.MobileNetV2(weights=None).count_params() == 3_538_984
    finally:
        kerax.backend.set_image_data_format("channels_last")
