"""Applications survive their configs: rebuilt from JSON they have the same layers, classes and counts (the
custom layers ConvNeXt and InceptionResNetV2 use included)."""
import json

import pytest

import kerax
from kerax import applications
from kerax.applications.convnext import LayerScale
from kerax.applications.inception_resnet_v2 import CustomScaleLayer


@pytest.fixture(autouse=True)
def cheap(shape_only_weights):
    """Configs and counts only."""


@pytest.mark.parametrize("build, custom", [
    (lambda: applications.ConvNeXtTiny(weights=None), LayerScale),
    (lambda: applications.InceptionResNetV2(weights=None, include_top=False, input_shape=(75, 75, 3)),
     CustomScaleLayer),
    (lambda: applications.MobileNetV3Small(weights=None), None),
    (lambda: applications.EfficientNetV2B0(weights=None, include_top=False), None),
])
def test_config_round_trip(build, custom):
    model = build()
    rebuilt = kerax.models.model_from_json(model.to_json())
    assert json.loads(rebuilt.to_json()) == json.loads(model.to_json())
    assert rebuilt.count_params() == model.count_params()
    assert [type(a) for a in rebuilt.layers] == [type(b) for b in model.layers]
    if custom is not None:
        assert any(type(layer) is custom for layer in rebuilt.layers)


def test_custom_layer_configs():
    scale = LayerScale(1e-6, 8, name="scale")
    assert LayerScale.from_config(scale.get_config()).get_config() == scale.get_config()
    assert scale.get_config()["init_values"] == 1e-6 and scale.get_config()["projection_dim"] == 8
    residual = CustomScaleLayer(0.17)
    assert CustomScaleLayer.from_config(residual.get_config()).scale == 0.17
