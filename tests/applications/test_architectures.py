"""All 40 architectures, each built once with `weights=None` at its default input size: parameter counts
against Keras's documented numbers, Keras's model and layer names, and feature sizes without the top."""
import numpy as np
import pytest

from kerax import applications

# Parameters with the ImageNet top (include_top=True, 1000 classes), from Keras's applications page
# (keras.io/api/applications; exact numbers from its table before it rounded them to 0.1M).
DOCUMENTED = {
    "Xception": 22_910_480, "VGG16": 138_357_544, "VGG19": 143_667_240, "ResNet50": 25_636_712,
    "ResNet101": 44_707_176, "ResNet152": 60_419_944, "ResNet50V2": 25_613_800, "ResNet101V2": 44_675_560,
    "ResNet152V2": 60_380_648, "InceptionV3": 23_851_784, "InceptionResNetV2": 55_873_736,
    "MobileNet": 4_253_864, "MobileNetV2": 3_538_984, "DenseNet121": 8_062_504, "DenseNet169": 14_307_880,
    "DenseNet201": 20_242_984, "NASNetMobile": 5_326_716, "NASNetLarge": 88_949_818,
    "EfficientNetB0": 5_330_571, "EfficientNetB1": 7_856_239, "EfficientNetB2": 9_177_569,
    "EfficientNetB3": 12_320_535, "EfficientNetB4": 19_466_823, "EfficientNetB5": 30_562_527,
    "EfficientNetB6": 43_265_143, "EfficientNetB7": 66_658_687,
}
# The page gives EfficientNetV2 only in millions, to 0.1M.
DOCUMENTED_MILLIONS = {"EfficientNetV2B0": 7.2, "EfficientNetV2B1": 8.2, "EfficientNetV2B2": 10.2,
                       "EfficientNetV2B3": 14.5, "EfficientNetV2S": 21.6, "EfficientNetV2M": 54.4,
                       "EfficientNetV2L": 119.0}
# Keras's page lists neither ConvNeXt nor MobileNetV3: counted below from their published layer tables.
CONVNEXT = {"ConvNeXtTiny": ([3, 3, 9, 3], [96, 192, 384, 768]),
            "ConvNeXtSmall": ([3, 3, 27, 3], [96, 192, 384, 768]),
            "ConvNeXtBase": ([3, 3, 27, 3], [128, 256, 512, 1024]),
            "ConvNeXtLarge": ([3, 3, 27, 3], [192, 384, 768, 1536]),
            "ConvNeXtXLarge": ([3, 3, 27, 3], [256, 512, 1024, 2048])}


def convnext_params(depths, dims, classes=1000):
    """ConvNeXt: 4x4 stem conv + LayerNorm; per block 7x7 depthwise conv, LayerNorm, C->4C->C dense, layer
    scale; LayerNorm + 2x2 conv between stages; LayerNorm + dense head."""
    total = 16 * 3 * dims[0] + dims[0] + 2 * dims[0]
    for i, (depth, c) in enumerate(zip(depths, dims)):
        if i:
            total += 2 * dims[i - 1] + 4 * dims[i - 1] * c + c
        total += depth * (49 * c + c + 2 * c + (c * 4 * c + 4 * c) + (4 * c * c + c) + c)
    return total + 2 * dims[-1] + dims[-1] * classes + classes


def round8(v):
    """MobileNet's channel rounding: nearest multiple of 8, at least 8, never 10% below."""
    rounded = max(8, int(v + 4) // 8 * 8)
    return rounded + 8 if rounded < 0.9 * v else rounded


# MobileNetV3 blocks (Howard et al., 2019, tables 1 and 2): expansion, output channels, kernel, squeeze-excite
V3_SMALL = [(1, 16, 3, True), (72 / 16, 24, 3, False), (88 / 24, 24, 3, False), (4, 40, 5, True),
            (6, 40, 5, True), (6, 40, 5, True), (3, 48, 5, True), (3, 48, 5, True), (6, 96, 5, True),
            (6, 96, 5, True), (6, 96, 5, True)]
V3_LARGE = [(1, 16, 3, False), (4, 24, 3, False), (3, 24, 3, False), (3, 40, 5, True), (3, 40, 5, True),
            (3, 40, 5, True), (6, 80, 3, False), (2.5, 80, 3, False), (2.3, 80, 3, False),
            (2.3, 80, 3, False), (6, 112, 3, True), (6, 112, 3, True), (6, 160, 5, True), (6, 160, 5, True),
            (6, 160, 5, True)]


def mobilenet_v3_params(blocks, last_point, classes=1000):
    bn = 4  # gamma, beta, moving mean, moving variance per channel
    total, c = 27 * 16 + bn * 16, 16
    for i, (expansion, out, k, se) in enumerate(blocks):
        mid = round8(c * expansion)
        total += (c * mid + bn * mid) if i else 0
        total += k * k * mid + bn * mid
        if se:
            s = round8(mid * 0.25)
            total += mid * s + s + s * mid + mid
        total += mid * out + bn * out
        c = out
    last_conv = round8(c * 6)
    total += c * last_conv + bn * last_conv
    return total + last_conv * last_point + last_point + last_point * classes + classes


# Keras's default model name and some of its layer names (from the Keras 3.15 architectures' naming)
NAMES = {
    "ResNet50": ("resnet50", ["conv1_pad", "conv2_block1_0_conv", "conv5_block3_out", "avg_pool"]),
    "ResNet101": ("resnet101", ["conv4_block23_out", "conv5_block3_3_bn"]),
    "ResNet152": ("resnet152", ["conv3_block8_out", "conv4_block36_out"]),
    "ResNet50V2": ("resnet50v2", ["conv2_block1_preact_bn", "conv5_block3_out", "post_relu"]),
    "ResNet101V2": ("resnet101v2", ["conv4_block23_2_pad", "post_bn"]),
    "ResNet152V2": ("resnet152v2", ["conv3_block8_out", "conv4_block36_preact_relu"]),
    "VGG16": ("vgg16", ["block5_conv3", "block5_pool", "flatten", "fc1", "fc2"]),
    "VGG19": ("vgg19", ["block3_conv4", "block5_conv4", "fc2"]),
    "Xception": ("xception", ["block1_conv1_bn", "block12_sepconv3_bn", "block14_sepconv2_act"]),
    "InceptionV3": ("inception_v3", ["mixed0", "mixed9_0", "mixed9_1", "mixed10"]),
    "InceptionResNetV2": ("inception_resnet_v2", ["mixed_5b", "block35_10_ac", "block8_10_conv",
                                                  "conv_7b_ac"]),
    "MobileNet": ("mobilenet_1.00_224", ["conv1_relu", "conv_pad_12", "conv_pw_13_relu", "reshape_2"]),
    "MobileNetV2": ("mobilenetv2_1.00_224", ["expanded_conv_project_BN", "block_1_pad", "block_16_project_BN",
                                             "out_relu"]),
    "MobileNetV3Small": ("MobileNetV3Small", ["expanded_conv_squeeze_excite_mul", "expanded_conv_10_add",
                                              "logits"]),
    "MobileNetV3Large": ("MobileNetV3Large", ["expanded_conv_1_depthwise_pad",
                                              "expanded_conv_14_project_bn"]),
    "DenseNet121": ("densenet121", ["pool4_pool", "conv5_block16_concat", "relu"]),
    "DenseNet169": ("densenet169", ["conv5_block32_concat"]),
    "DenseNet201": ("densenet201", ["conv4_block48_concat"]),
    "NASNetMobile": ("nasnet_mobile", ["reduction_concat_stem_1", "normal_concat_12",
                                       "reduction_concat_reduce_8", "adjust_bn_reduce_4"]),
    "NASNetLarge": ("nasnet_large", ["normal_concat_18", "reduction_concat_reduce_12"]),
    "EfficientNetB0": ("efficientnetb0", ["stem_conv_pad", "block6d_add", "block7a_project_bn",
                                          "top_activation"]),
    "EfficientNetB1": ("efficientnetb1", ["block6e_add"]),
    "EfficientNetB2": ("efficientnetb2", ["block6e_add"]),
    "EfficientNetB3": ("efficientnetb3", ["block6f_add"]),
    "EfficientNetB4": ("efficientnetb4", ["block6h_add"]),
    "EfficientNetB5": ("efficientnetb5", ["block6i_add"]),
    "EfficientNetB6": ("efficientnetb6", ["block6k_add"]),
    "EfficientNetB7": ("efficientnetb7", ["block6m_add", "block7d_add"]),
    "EfficientNetV2B0": ("efficientnetv2-b0", ["block1a_project_activation", "block6h_add", "top_conv"]),
    "EfficientNetV2B1": ("efficientnetv2-b1", ["block6i_add"]),
    "EfficientNetV2B2": ("efficientnetv2-b2", ["block6j_add"]),
    "EfficientNetV2B3": ("efficientnetv2-b3", ["block6l_add"]),
    "EfficientNetV2S": ("efficientnetv2-s", ["block6o_add"]),
    "EfficientNetV2M": ("efficientnetv2-m", ["block7e_add"]),
    "EfficientNetV2L": ("efficientnetv2-l", ["block7g_add"]),
    "ConvNeXtTiny": ("convnext_tiny", ["convnext_tiny_stem", "convnext_tiny_stage_2_block_8_layer_scale",
                                       "convnext_tiny_head_dense"]),
    "ConvNeXtSmall": ("convnext_small", ["convnext_small_stage_2_block_26_identity"]),
    "ConvNeXtBase": ("convnext_base", ["convnext_base_downsampling_block_2"]),
    "ConvNeXtLarge": ("convnext_large", ["convnext_large_prestem_normalization"]),
    "ConvNeXtXLarge": ("convnext_xlarge", ["convnext_xlarge_head_layernorm"]),
}
# Channels of the last feature map (Keras's applications tests) and the smallest input each accepts.
FEATURES = {
    "VGG16": 512, "VGG19": 512, "Xception": 2048, "InceptionV3": 2048, "InceptionResNetV2": 1536,
    "MobileNet": 1024, "MobileNetV2": 1280, "MobileNetV3Small": 576, "MobileNetV3Large": 960,
    "EfficientNetB0": 1280, "EfficientNetB1": 1280, "EfficientNetB2": 1408, "EfficientNetB3": 1536,
    "EfficientNetB4": 1792, "EfficientNetB5": 2048, "EfficientNetB6": 2304, "EfficientNetB7": 2560,
    "EfficientNetV2B0": 1280, "EfficientNetV2B1": 1280, "EfficientNetV2B2": 1408, "EfficientNetV2B3": 1536,
    "EfficientNetV2S": 1280, "EfficientNetV2M": 1280, "EfficientNetV2L": 1280, "DenseNet121": 1024,
    "DenseNet169": 1664, "DenseNet201": 1920, "ConvNeXtTiny": 768, "ConvNeXtSmall": 768, "ConvNeXtBase": 1024,
    "ConvNeXtLarge": 1536, "ConvNeXtXLarge": 2048, "NASNetMobile": 1056, "NASNetLarge": 4032,
    "ResNet50": 2048, "ResNet101": 2048, "ResNet152": 2048, "ResNet50V2": 2048, "ResNet101V2": 2048,
    "ResNet152V2": 2048,
}
MIN_SIZE = {"Xception": 71, "InceptionV3": 75, "InceptionResNetV2": 75}
ALL = sorted(NAMES)


def test_the_table_covers_all_40_applications():
    public = sorted(n for n in dir(applications)
                    if n[0].isupper() and not n.startswith(("RegNet", "ResNetRS")))  # test_regnet_resnet_rs.py
    assert len(public) == 40 and public == ALL == sorted(FEATURES)
    assert set(DOCUMENTED) | set(DOCUMENTED_MILLIONS) | set(CONVNEXT) | {"MobileNetV3Small",
                                                                         "MobileNetV3Large"} == set(ALL)


@pytest.fixture(scope="module")
def built(shape_only_weights):
    """Each architecture's facts (parameter count, model name, layer names), built once on first use."""
    facts = {}

    def get(name):
        if name not in facts:
            model = getattr(applications, name)(weights=None)
            facts[name] = (model.count_params(), model.name, [layer.name for layer in model.layers],
                           model.output.shape)
        return facts[name]

    return get


def expected_params(name):
    if name in CONVNEXT:
        return convnext_params(*CONVNEXT[name])
    if name.startswith("MobileNetV3"):
        return mobilenet_v3_params(*((V3_SMALL, 1024) if name.endswith("Small") else (V3_LARGE, 1280)))
    return DOCUMENTED.get(name)


@pytest.mark.parametrize("name", ALL)
def test_parameter_count_names_and_output(name, built):
    count, model_name, layer_names, output_shape = built(name)
    if name in DOCUMENTED_MILLIONS:
        assert round(count / 1e6, 1) == DOCUMENTED_MILLIONS[name]
    else:
        assert count == expected_params(name)
    expected_model_name, some_layers = NAMES[name]
    assert model_name == expected_model_name
    assert set(some_layers) <= set(layer_names), sorted(set(some_layers) - set(layer_names))
    assert len(set(layer_names)) == len(layer_names)
    last = "predictions" if not name.startswith("ConvNeXt") else f"{expected_model_name}_head_dense"
    assert layer_names[0] == "input_layer" and layer_names[-1] == last
    assert tuple(output_shape) == (None, 1000)


def test_the_formulas_reproduce_published_rounded_counts():
    """The ConvNeXt and MobileNetV3 counts above agree with their papers' rounded sizes (28M, 50M, 89M,
    198M, 350M; 2.5M / 5.4M give or take the classifier head Keras adds)."""
    for name, millions in zip(CONVNEXT, [28, 50, 89, 198, 350]):
        assert abs(convnext_params(*CONVNEXT[name]) / (millions * 1e6) - 1) < 0.03
    assert abs(mobilenet_v3_params(V3_SMALL, 1024) / 2.5e6 - 1) < 0.03
    assert abs(mobilenet_v3_params(V3_LARGE, 1280) / 5.4e6 - 1) < 0.03


@pytest.mark.parametrize("name", ALL)
def test_feature_extractor_output(name, shape_only_weights):
    size = MIN_SIZE.get(name, 32)
    model = getattr(applications, name)(weights=None, include_top=False, pooling="avg",
                                        input_shape=(size, size, 3))
    assert tuple(model.output.shape) == (None, FEATURES[name])
    assert "predictions" not in [layer.name for layer in model.layers]


def test_no_pooling_keeps_the_feature_map(shape_only_weights):
    model = applications.ResNet50(weights=None, include_top=False, input_shape=(64, 96, 3))
    assert tuple(model.output.shape) == (None, 2, 3, 2048)
    maxed = applications.DenseNet121(weights=None, include_top=False, pooling="max", input_shape=(32, 32, 3))
    assert maxed.layers[-1].name == "max_pool" and tuple(maxed.output.shape) == (None, 1024)
    assert np.prod(model.layers[2].kernel.shape) == 7 * 7 * 3 * 64  # conv1_conv
