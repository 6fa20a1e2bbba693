"""tf.keras 2's RegNet (24) and ResNetRS (7) applications: parameter counts, layer counts and model names of
all 31 against what tf.keras 2.21 builds (regnet_resnet_rs_facts.json, written by
make_regnet_resnet_rs_facts.py), and against formulas written here from the papers' block structure; every
layer name of four of them; tf.keras's outputs from tf.keras's saved weights (two tiny configurations);
arguments and weight files (one training step: test_training.py). Building all
31 with shape-only weights takes ~22 s on the loaded 2-core machine, so all of them are checked."""
import json
import pathlib

import numpy as np
import pytest

from kerax import activations, applications, layers
from kerax.applications import regnet, resnet_rs, weight_files

FACTS = json.loads((pathlib.Path(__file__).parent / "regnet_resnet_rs_facts.json").read_text())["models"]
SIZES = ("002", "004", "006", "008", "016", "032", "040", "064", "080", "120", "160", "320")
ALL = ([f"RegNet{t}{s}" for t in "XY" for s in SIZES]
       + [f"ResNetRS{d}" for d in (50, 101, 152, 200, 270, 350, 420)])
BN = 4  # gamma, beta, moving mean, moving variance per channel
# RegNet stages (Radosavovic et al., 2020; tf.keras's table): depths, widths, group width
REGNET = {"X002": ([1, 1, 4, 7], [24, 56, 152, 368], 8), "Y002": ([1, 1, 4, 7], [24, 56, 152, 368], 8),
          "X080": ([2, 5, 15, 1], [80, 240, 720, 1920], 120),
          "Y320": ([2, 5, 12, 1], [232, 696, 1392, 3712], 232)}
RESNET_RS = {50: (3, 4, 6, 3), 200: (3, 24, 36, 3), 420: (4, 44, 87, 4)}


def regnet_params(depths, widths, group_width, squeeze_excite, classes=1000):
    """3x3 stem (32); blocks of 1x1, grouped 3x3 (one group where the width is below the group width), [SE on
    a quarter of the block's input channels], 1x1, with a 1x1 projection on each stage's first block."""
    total, c_in = 27 * 32 + BN * 32, 32
    for depth, width in zip(depths, widths):
        groups = max(width // group_width, 1)
        for i in range(depth):
            block_in = c_in if i == 0 else width
            total += (block_in * width + BN * width) if i == 0 else 0
            total += block_in * width + 9 * width * width // groups + width * width + 3 * BN * width
            se = int(block_in * 0.25)
            total += (width * se + se + se * width + width) if squeeze_excite else 0
        c_in = width
    return total + c_in * classes + classes


def resnet_rs_params(repeats, classes=1000):
    """ResNet-D stem (3x3 convs to 32, 32, 64, 64); bottlenecks 1x1 f, 3x3 f, 1x1 4f with SE (4f -> f -> 4f)
    and a 1x1 projection on each group's first block (f = 64, 128, 256, 512)."""
    total = 27 * 32 + 9 * 32 * 32 + 9 * 32 * 64 + 9 * 64 * 64 + BN * (32 + 32 + 64 + 64)
    c_in = 64
    for i, count in enumerate(repeats):
        f = 64 << i
        for j in range(count):
            block_in = c_in if j == 0 else 4 * f
            total += block_in * f + 9 * f * f + f * 4 * f + BN * (f + f + 4 * f)
            total += 4 * f * f + f + f * 4 * f + 4 * f
            total += (block_in * 4 * f + BN * 4 * f) if j == 0 else 0
        c_in = 4 * f
    return total + c_in * classes + classes


@pytest.fixture(scope="module")
def built(shape_only_weights):
    facts = {}

    def get(name):
        if name not in facts:
            model = getattr(applications, name)(weights=None)
            facts[name] = (model.count_params(), len(model.layers), model.name, tuple(model.output.shape))
        return facts[name]

    return get


def test_all_31_are_exported_with_their_modules():
    assert sorted(FACTS) == sorted(ALL)
    for name in ALL:
        module = regnet if name.startswith("RegNet") else resnet_rs
        assert getattr(applications, name) is getattr(module, name) and getattr(module, name).__name__ == name
    for module in (regnet, resnet_rs):
        image = np.arange(12.0).reshape(1, 2, 2, 3)
        assert module.preprocess_input(image) is image  # the model rescales its own input
        assert module.decode_predictions is applications.imagenet_utils.decode_predictions


@pytest.mark.parametrize("name", ALL)
def test_parameter_and_layer_counts_match_tf_keras(name, built):
    count, n_layers, model_name, output_shape = built(name)
    expected = FACTS[name]
    assert (count, n_layers, model_name) == (expected["params"], expected["layers"], expected["model_name"])
    assert output_shape == (None, 1000)


@pytest.mark.parametrize("variant", sorted(REGNET))
def test_regnet_counts_match_the_formula(variant, built):
    assert built(f"RegNet{variant}")[0] == regnet_params(*REGNET[variant], squeeze_excite=variant[0] == "Y")


@pytest.mark.parametrize("depth", sorted(RESNET_RS))
def test_resnet_rs_counts_match_the_formula(depth, built):
    assert built(f"ResNetRS{depth}")[0] == resnet_rs_params(RESNET_RS[depth])


@pytest.mark.parametrize("name", [n for n in ALL if "layer_names" in FACTS[n]])
def test_layer_names_in_order_and_feature_shape(name, shape_only_weights):
    """Every layer name as tf.keras gives it, in its order (the input layer is `input_layer` in Keras 3)."""
    model = getattr(applications, name)(weights=None)
    assert [layer.name for layer in model.layers[1:]] == FACTS[name]["layer_names"][1:]
    features = getattr(applications, name)(weights=None, include_top=False, input_shape=(64, 64, 3))
    assert list(features.output.shape[1:]) == FACTS[name]["features_64"]


def test_regnet_arguments(shape_only_weights):
    bare = applications.RegNetY002(weights=None, include_top=False, include_preprocessing=False,
                                   pooling="max", model_name="mine")
    assert bare.name == "mine" and bare.layers[1].name == "mine_stem_conv"
    assert len(bare.layers) == 197 - 3 + 1  # no rescaling, head_gap, head_dense; a max pool
    assert isinstance(bare.layers[-1], layers.GlobalMaxPooling2D) and tuple(bare.output.shape) == (None, 368)
    top = applications.RegNetX002(weights=None, classes=5, classifier_activation=None)
    assert top.get_layer("1head_dense").activation is activations.linear and top.output.shape[-1] == 5
    with pytest.raises(ValueError, match="`weights` argument should be either `None`"):
        applications.RegNetX002(weights="nope")
    with pytest.raises(ValueError, match="`classes` should be 1000"):
        applications.RegNetX002(weights="imagenet", classes=10)
    with pytest.raises(ValueError, match="Only `None` and `softmax` activations are allowed"):
        applications.RegNetX002(weights="imagenet", classifier_activation="sigmoid")
    with pytest.raises(NotImplementedError, match="Block type `Z` not recognized"):
        regnet.RegNet([1, 1, 1, 1], [8, 8, 8, 8], 8, "Z", 224, weights=None)


def test_resnet_rs_arguments(shape_only_weights):
    bare = applications.ResNetRS50(weights=None, include_top=False, include_preprocessing=False,
                                   pooling="avg")
    assert bare.layers[1].name == "zero_padding2d" and bare.layers[-1].name == "avg_pool"
    gray = applications.ResNetRS50(weights=None, include_top=False, input_shape=(64, 64, 1))
    assert [type(layer).__name__ for layer in gray.layers[1:3]] == ["Rescaling", "ZeroPadding2D"]
    custom = resnet_rs.ResNetRS(50, weights=None, dropout_rate=0.0, drop_connect_rate=0.5,
                                block_args=[{"input_filters": 8, "num_repeats": 1}] * 2, include_top=False)
    drops = {layer.name: layer.rate for layer in custom.layers if isinstance(layer, layers.Dropout)}
    assert drops == pytest.approx({"BlockGroup2__block_0__drop": 0.5 * 2 / 3,
                                   "BlockGroup3__block_0__drop": 0.5})
    with pytest.raises(ValueError, match=r"ResNetRS50 the following weight variants are available "
                                         r"\['imagenet-i160'\] \(default=highest\). "
                                         "Received weights=imagenet-i224"):
        applications.ResNetRS50(weights="imagenet-i224")
    with pytest.raises(ValueError, match=r"any of \['imagenet-i256'\] with `include_top` as true, `classes` "
                                         "should be 1000. Received classes=3"):
        applications.ResNetRS200(weights="imagenet", classes=3)


@pytest.mark.parametrize("build, kwargs, file_name", [
    (applications.RegNetX002, {}, "regnetx002.h5"),
    (applications.RegNetY320, {"include_top": False}, "regnety320_notop.h5"),
    (applications.ResNetRS50, {}, "resnet-rs-50-i160.h5"),
    (applications.ResNetRS152, {"include_top": False}, "resnet-rs-152-i256_notop.h5"),
    (applications.ResNetRS152, {"weights": "imagenet-i192"}, "resnet-rs-152-i192.h5"),
])
def test_imagenet_weights_name_tf_keras_files(build, kwargs, file_name, shape_only_weights, monkeypatch):
    asked = []

    def fetch(name):
        asked.append(name)
        raise RuntimeError("no download in tests")

    monkeypatch.setattr(weight_files, "fetch", fetch)
    with pytest.raises(RuntimeError, match="no download"):
        build(**{"weights": "imagenet", **kwargs})
    assert asked == [file_name]


def test_weight_file_origins_and_hashes():
    base = "https://storage.googleapis.com/tensorflow/keras-applications/"
    assert weight_files.FILES["regnetx002.h5"] == (
        base + "regnet/", "49fb46e56cde07fdaf57bffd851461a86548f6a3a4baef234dd37290b826c0b8")
    assert weight_files.FILES["regnety320_notop.h5"][1].startswith("cad78f74a586e24c")
    assert weight_files.FILES["resnet-rs-420-i320_notop.h5"] == (base + "resnet_rs/",
                                                                 "fe6217c32be8305b1889657172b98884")
    assert sum(name.startswith(("regnet", "resnet-rs")) for name in weight_files.FILES) == 2 * (24 + 11)



@pytest.mark.parametrize("name, build, config", [
    ("tiny_regnet_y", regnet.RegNet, {"depths": [1, 1, 1, 1], "widths": [8, 16, 16, 32], "group_width": 8,
                                      "block_type": "Y", "default_size": 32}),
    ("tiny_resnet_rs", resnet_rs.ResNetRS, {"depth": 50, "drop_connect_rate": 0.2, "dropout_rate": 0.0,
                                            "block_args": [{"input_filters": 8, "num_repeats": 1}] * 2}),
])
def test_tf_keras_weights_load_and_give_tf_keras_outputs(name, build, config):
    """Weights tf.keras saved from the same tiny configuration load by layer order and compute what tf.keras
    computed (grouped convolutions, squeeze-and-excite, padding, preprocessing and batch norm included)."""
    here = pathlib.Path(__file__).parent
    expected = np.load(here / "tiny_outputs.npz")
    model = build(**config, weights=str(here / f"{name}.weights.h5"), input_shape=(32, 32, 3), classes=3,
                  classifier_activation=None)
    got = model.predict(expected["images"], verbose=0)
    np.testing.assert_allclose(got, expected[name], rtol=1e-4, atol=1e-4 * np.abs(expected[name]).max())
