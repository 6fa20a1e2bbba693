"""The keras.io guide "The Sequential model", run as a user would: its code with `import kerax as keras`,
`tf.ones` replaced by `np.ones`, image sizes shrunk (250x250 -> 64x64). Checks the layer counts, weight
counts, summary lines and feature shapes the guide shows."""
import numpy as np

import kerax as keras
from kerax import layers


def summary_lines(model):
    lines = []
    model.summary(print_fn=lambda line, *args, **kwargs: lines.append(line))
    return "\n".join(lines)


def test_sequential_equals_chained_layers():
    model = keras.Sequential([
        layers.Dense(2, activation="relu", name="layer1"),
        layers.Dense(3, activation="relu", name="layer2"),
        layers.Dense(4, name="layer3"),
    ])
    x = np.ones((3, 3))
    y = model(x)
    assert y.shape == (3, 4)

    layer1 = layers.Dense(2, activation="relu", name="layer1")
    layer2 = layers.Dense(3, activation="relu", name="layer2")
    layer3 = layers.Dense(4, name="layer3")
    layer1.build((None, 3))
    layer2.build((None, 2))
    layer3.build((None, 3))
    for chained, stacked in zip([layer1, layer2, layer3], model.layers):
        chained.set_weights(stacked.get_weights())
    np.testing.assert_allclose(layer3(layer2(layer1(x))), y, rtol=1e-6)


def test_add_pop_and_names():
    model = keras.Sequential([
        layers.Dense(2, activation="relu"),
        layers.Dense(3, activation="relu"),
        layers.Dense(4),
    ])
    assert len(model.layers) == 3

    model = keras.Sequential()
    model.add(layers.Dense(2, activation="relu"))
    model.add(layers.Dense(3, activation="relu"))
    model.add(layers.Dense(4))
    model.pop()
    assert len(model.layers) == 2  # 2

    model = keras.Sequential(name="my_sequential")
    model.add(layers.Dense(2, activation="relu", name="layer1"))
    model.add(layers.Dense(3, activation="relu", name="layer2"))
    model.add(layers.Dense(4, name="layer3"))
    assert model.name == "my_sequential"
    assert [layer.name for layer in model.layers] == ["layer1", "layer2", "layer3"]


def test_weights_are_created_on_first_call():
    layer = layers.Dense(3)
    assert layer.weights == []  # Empty
    x = np.ones((1, 4))
    layer(x)
    assert [tuple(w.shape) for w in layer.weights] == [(4, 3), (3,)]

    model = keras.Sequential([
        layers.Dense(2, activation="relu"),
        layers.Dense(3, activation="relu"),
        layers.Dense(4),
    ])  # No weights at this stage!
    assert "0 (unbuilt)" in summary_lines(model)
    x = np.ones((1, 4))
    model(x)
    assert len(model.weights) == 6  # "Number of weights after calling the model: 6"
    assert "Total params: 35" in summary_lines(model)


def test_input_shape_in_advance():
    model = keras.Sequential()
    model.add(keras.Input(shape=(4,)))
    model.add(layers.Dense(2, activation="relu"))
    assert "Total params: 10" in summary_lines(model)
    assert len(model.layers) == 1  # the Input object is not a layer

    model = keras.Sequential()
    model.add(layers.Dense(2, activation="relu", input_shape=(4,)))
    assert "Total params: 10" in summary_lines(model)
    assert model.output_shape == (None, 2)


def test_add_and_summary_debugging_workflow():
    model = keras.Sequential()
    model.add(keras.Input(shape=(64, 64, 3)))  # 64x64 RGB images (the guide: 250x250)
    model.add(layers.Conv2D(32, 5, strides=2, activation="relu"))
    model.add(layers.Conv2D(32, 3, activation="relu"))
    model.add(layers.MaxPooling2D(3))
    assert model.output_shape == (None, 9, 9, 32)
    assert "(None, 9, 9, 32)" in summary_lines(model)

    model.add(layers.Conv2D(32, 3, activation="relu"))
    model.add(layers.MaxPooling2D(2))
    assert model.output_shape == (None, 3, 3, 32)
    model.add(layers.GlobalMaxPooling2D())
    model.add(layers.Dense(10))
    assert model(np.ones((2, 64, 64, 3))).shape == (2, 10)


def test_feature_extraction_with_a_sequential_model():
    initial_model = keras.Sequential([
        keras.Input(shape=(32, 32, 3)),
        layers.Conv2D(32, 5, strides=2, activation="relu"),
        layers.Conv2D(32, 3, activation="relu"),
        layers.Conv2D(32, 3, activation="relu"),
    ])
    feature_extractor = keras.Model(
        inputs=initial_model.inputs,
        outputs=[layer.output for layer in initial_model.layers],
    )
    x = np.ones((1, 32, 32, 3))
    features = feature_extractor(x)
    assert [tuple(f.shape) for f in features] == [(1, 14, 14, 32), (1, 12, 12, 32), (1, 10, 10, 32)]
    np.testing.assert_allclose(features[-1], initial_model(x), rtol=1e-5, atol=1e-6)

    initial_model = keras.Sequential([
        keras.Input(shape=(32, 32, 3)),
        layers.Conv2D(32, 5, strides=2, activation="relu"),
        layers.Conv2D(32, 3, activation="relu", name="my_intermediate_layer"),
        layers.Conv2D(32, 3, activation="relu"),
    ])
    feature_extractor = keras.Model(
        inputs=initial_model.inputs,
        outputs=initial_model.get_layer(name="my_intermediate_layer").output,
    )
    assert feature_extractor(x).shape == (1, 12, 12, 32)


def test_transfer_learning_blueprints(tmp_path):
    model = keras.Sequential([
        keras.Input(shape=(784,)),
        layers.Dense(32, activation="relu"),
        layers.Dense(32, activation="relu"),
        layers.Dense(32, activation="relu"),
        layers.Dense(10),
    ])
    model.save_weights(tmp_path / "pretrained.weights.h5")
    model.load_weights(tmp_path / "pretrained.weights.h5")
    for layer in model.layers[:-1]:
        layer.trainable = False
    frozen = [w.numpy().copy() for w in model.layers[0].weights]
    last = model.layers[-1].kernel.numpy().copy()
    model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    rng = np.random.default_rng(0)
    model.fit(rng.random((16, 784)), rng.integers(0, 10, 16), epochs=1, batch_size=8, verbose=0)
    for before, after in zip(frozen, model.layers[0].weights):
        np.testing.assert_array_equal(before, after.numpy())
    assert not np.allclose(last, model.layers[-1].kernel.numpy())

    base_model = keras.applications.Xception(weights=None, include_top=False, pooling="avg",
                                             input_shape=(71, 71, 3))
    base_model.trainable = False
    model = keras.Sequential([base_model, layers.Dense(1000)])
    assert model.output_shape == (None, 1000)  # symbolic: an eager Xception call takes ~10 s on CPU
    assert len(model.trainable_weights) == 2
