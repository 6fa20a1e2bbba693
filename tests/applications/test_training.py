"""Small architectures train (one step on tiny images), and the fine-tuning example keeps a frozen base,
BatchNormalization statistics included, exactly as it was.

Compiling a training step is what costs here (XLA on CPU; measured on the 2 shared cores, CPU seconds:
MobileNet ~16, minimalistic MobileNetV3Small ~26, MobileNetV3Small ~51; wall seconds on the loaded machine:
MobileNetV2 ~80, NASNetMobile ~480). The suite trains the first two, and MobileNetV2's head in the example;
the four smallest (MobileNetV3Small, MobileNetV2, MobileNet, NASNetMobile) each trained one step by hand."""
import importlib.util
import pathlib

import numpy as np
import pytest

import kerax
from kerax import applications, layers

EXAMPLE = pathlib.Path(__file__).resolve().parents[2] / "examples" / "fine_tune.py"


def load_example():
    spec = importlib.util.spec_from_file_location("fine_tune_example", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name, kwargs", [("MobileNet", {}), ("MobileNetV3Small", {"minimalistic": True})])
def test_small_architectures_train_one_step(name, kwargs, rng):
    model = getattr(applications, name)(weights=None, input_shape=(32, 32, 3), classes=3, **kwargs)
    norm = next(layer for layer in model.layers if isinstance(layer, layers.BatchNormalization))
    conv = next(layer for layer in model.layers if isinstance(layer, layers.Conv2D))
    before = conv.kernel.numpy(), norm.moving_mean.numpy()
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    images = rng.uniform(0, 255, (4, 32, 32, 3)).astype("float32")
    history = model.fit(images, np.array([0, 1, 2, 0]), batch_size=4, epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    assert not np.allclose(conv.kernel.numpy(), before[0])
    assert not np.allclose(norm.moving_mean.numpy(), before[1])  # batch norm in training mode


def test_fine_tuning_example_keeps_the_frozen_base():
    example = load_example()
    model, base, before = example.main(samples=16, head_epochs=1, fine_tune_epochs=0, calibrate=False,
                                       verbose=0)
    assert not base.trainable and len(model.trainable_weights) == 2  # the new Dense head
    for value, weight in zip(before, base.weights, strict=True):
        np.testing.assert_array_equal(value, weight.numpy())
    assert any("moving_mean" in w.path for w in base.weights)


def test_an_unfrozen_base_called_with_training_false_keeps_its_statistics(rng):
    """Keras's rule the example's second phase relies on: `base(x, training=False)` runs the base's
    BatchNormalization in inference mode even when the base is trainable."""
    base = kerax.Sequential([layers.Dense(4), layers.BatchNormalization()])
    base.build((None, 4))
    inputs = kerax.Input((4,))
    model = kerax.Model(inputs, layers.Dense(1)(base(inputs, training=False)))
    model.compile(optimizer="sgd", loss="mse")
    dense, norm = base.layers
    kernel, moving_mean = dense.kernel.numpy(), norm.moving_mean.numpy()
    model.fit(rng.normal(3.0, 2.0, (8, 4)).astype("float32"), np.ones((8, 1), "float32"), verbose=0)
    np.testing.assert_array_equal(norm.moving_mean.numpy(), moving_mean)
    assert not np.allclose(dense.kernel.numpy(), kernel)


def test_regnet_trains_one_step(rng):
    """tf.keras 2's RegNet family (its smallest member; ~14 s, mostly compiling). ResNetRS's blocks are the
    ResNet and EfficientNet ones trained above; its tiny-model outputs are checked in test_regnet_resnet_rs."""
    model = applications.RegNetX002(weights=None, input_shape=(32, 32, 3), classes=3)
    conv = next(layer for layer in model.layers if isinstance(layer, layers.Conv2D))
    norm = next(layer for layer in model.layers if isinstance(layer, layers.BatchNormalization))
    before = conv.kernel.numpy(), norm.moving_mean.numpy()
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    images = rng.uniform(0, 255, (2, 32, 32, 3)).astype("float32")
    history = model.fit(images, np.array([0, 2]), batch_size=2, epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    assert not np.allclose(conv.kernel.numpy(), before[0])
    assert not np.allclose(norm.moving_mean.numpy(), before[1])
