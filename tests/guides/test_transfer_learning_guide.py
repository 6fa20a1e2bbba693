"""The keras.io guide "Transfer learning & fine-tuning", run as a user would: its code with `import kerax as
keras`, random 32x32 images instead of cats vs dogs, 1 epoch. The pretrained Xception is replaced by a small
convolutional base with BatchNormalization built the same way (compiling Xception's training step alone takes
~15 s on a CPU; tests/guides/test_sequential_model_guide.py builds Xception with weights=None). Checks the
`trainable` bookkeeping, that frozen weights and the base's batch statistics stay put, and that fine-tuning
moves the base's weights."""
import numpy as np

import kerax as keras
from kerax import layers


def test_freezing_layers_and_the_trainable_attribute():
    layer = keras.layers.Dense(3)
    layer.build((None, 4))
    assert (len(layer.weights), len(layer.trainable_weights), len(layer.non_trainable_weights)) == (2, 2, 0)

    layer = keras.layers.BatchNormalization()
    layer.build((None, 4))
    assert (len(layer.weights), len(layer.trainable_weights), len(layer.non_trainable_weights)) == (4, 2, 2)

    layer = keras.layers.Dense(3)
    layer.build((None, 4))
    layer.trainable = False
    assert (len(layer.weights), len(layer.trainable_weights), len(layer.non_trainable_weights)) == (2, 0, 2)

    layer1 = keras.layers.Dense(3, activation="relu")
    layer2 = keras.layers.Dense(3, activation="sigmoid")
    model = keras.Sequential([keras.Input(shape=(3,)), layer1, layer2])
    layer1.trainable = False
    initial_layer1_weights_values = layer1.get_weights()
    initial_layer2_kernel = layer2.get_weights()[0]
    model.compile(optimizer="adam", loss="mse")
    model.fit(np.random.random((2, 3)), np.random.random((2, 3)), verbose=0)
    final_layer1_weights_values = layer1.get_weights()
    np.testing.assert_allclose(initial_layer1_weights_values[0], final_layer1_weights_values[0])
    np.testing.assert_allclose(initial_layer1_weights_values[1], final_layer1_weights_values[1])
    assert not np.allclose(initial_layer2_kernel, layer2.get_weights()[0])

    inner_model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(3, activation="relu"),
                                    keras.layers.Dense(3, activation="relu")])
    model = keras.Sequential([keras.Input(shape=(3,)), inner_model,
                              keras.layers.Dense(3, activation="sigmoid")])
    model.trainable = False
    assert inner_model.trainable == False  # noqa: E712 (the guide's spelling)
    assert inner_model.layers[0].trainable == False  # noqa: E712


def small_pretrained_base(input_shape):
    """Stands in for `keras.applications.Xception(weights="imagenet", include_top=False)`."""
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv2D(8, 3, strides=2, use_bias=False)(inputs)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.SeparableConv2D(16, 3, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return keras.Model(inputs, layers.Activation("relu")(x), name="xception")


def test_end_to_end_transfer_learning_and_fine_tuning():
    rng = np.random.default_rng(0)
    train_ds = (rng.uniform(0, 255, (32, 32, 32, 3)).astype("float32"), rng.integers(0, 2, (32, 1)))
    validation_ds = (train_ds[0][:16], train_ds[1][:16])

    data_augmentation = keras.Sequential([layers.RandomFlip("horizontal"), layers.RandomRotation(0.1)])
    first_image = train_ds[0][0]
    augmented_image = data_augmentation(np.expand_dims(first_image, 0), training=True)
    assert augmented_image.shape == (1, 32, 32, 3)
    np.testing.assert_array_equal(data_augmentation(np.expand_dims(first_image, 0), training=False),
                                  first_image[None])

    base_model = small_pretrained_base((32, 32, 3))
    base_model.trainable = False
    inputs = keras.Input(shape=(32, 32, 3))
    x = data_augmentation(inputs)
    scale_layer = keras.layers.Rescaling(scale=1 / 127.5, offset=-1)
    x = scale_layer(x)
    x = base_model(x, training=False)
    x = keras.layers.GlobalAveragePooling2D()(x)
    x = keras.layers.Dropout(0.2)(x)
    outputs = keras.layers.Dense(1)(x)
    model = keras.Model(inputs, outputs)
    assert len(model.trainable_weights) == 2  # only the new Dense head

    model.compile(optimizer=keras.optimizers.Adam(), loss=keras.losses.BinaryCrossentropy(from_logits=True),
                  metrics=[keras.metrics.BinaryAccuracy()])
    base_before = [w.copy() for w in base_model.get_weights()]
    history = model.fit(*train_ds, epochs=1, batch_size=16, validation_data=validation_ds, verbose=0)
    assert set(history.history) == {"loss", "binary_accuracy", "val_loss", "val_binary_accuracy"}
    for before, after in zip(base_before, base_model.get_weights()):  # frozen weights, frozen statistics
        np.testing.assert_array_equal(before, after)

    base_model.trainable = True
    assert len(model.trainable_weights) == 2 + len(base_model.trainable_weights)
    model.compile(optimizer=keras.optimizers.Adam(1e-5),
                  loss=keras.losses.BinaryCrossentropy(from_logits=True),
                  metrics=[keras.metrics.BinaryAccuracy()])
    model.fit(*train_ds, epochs=1, batch_size=16, validation_data=validation_ds, verbose=0)
    moved = [not np.array_equal(b, a) for b, a in zip(base_before, base_model.get_weights())]
    statistics = [w.path.endswith(("moving_mean", "moving_variance")) for w in base_model.weights]
    # Trainable again, the base's weights move; called with training=False, its BatchNormalization layers keep
    # their moving statistics.
    assert all(m for m, s in zip(moved, statistics) if not s)
    assert not any(m for m, s in zip(moved, statistics) if s)
