"""Transfer learning with a Keras application, as Keras's guide does it: `python examples/fine_tune.py`.

1. Take a base model without its ImageNet top, freeze it (`base.trainable = False`), train a new head on top.
   A frozen BatchNormalization runs in inference mode (Keras's rule): it normalizes with its moving statistics
   and does not update them, so the base stays exactly as it was.
2. Unfreeze the base and train everything with a small learning rate. The base was called with
   `training=False`, so its BatchNormalization layers keep running in inference mode: the statistics learned
   on the large dataset are not overwritten by the small one.

To run anywhere without downloads, the base starts from random weights (`weights=None`) and the data are tiny
synthetic images (the class shifts the image's brightness); use `weights="imagenet"` for real work. A random
base's signal fades to ~1e-12 through 50 layers in inference mode, so `calibrate_batch_norm` first gives its
BatchNormalization layers the data's statistics, a stand-in for what pretrained weights bring.
"""
import numpy as np

import kerax as keras
from kerax import layers


def synthetic_images(samples, size, classes, seed=0):
    """Images with pixels in [0, 255] whose mean brightness depends on the label."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, classes, samples)
    step = 255 / classes
    images = rng.uniform(0, step, (samples, size, size, 3)) + labels[:, None, None, None] * step
    return images.astype("float32"), labels


def build(size=32, classes=3, weights=None):
    """A MobileNetV2 base with a new classification head; returns (model, base)."""
    base = keras.applications.MobileNetV2(input_shape=(size, size, 3), alpha=0.35, include_top=False,
                                          weights=weights)
    inputs = keras.Input((size, size, 3))
    x = keras.applications.mobilenet_v2.preprocess_input(inputs)  # pixels to [-1, 1], as the base expects
    x = base(x, training=False)  # inference mode for the base's BatchNormalization, even once unfrozen
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(0.2)(x)
    outputs = layers.Dense(classes, activation="softmax")(x)
    return keras.Model(inputs, outputs), base


def calibrate_batch_norm(base, images):
    """Sets every BatchNormalization's moving statistics to those of `images`: one forward pass in training
    mode with momentum 0 (not needed with pretrained weights)."""
    norms = [layer for layer in base.layers if isinstance(layer, layers.BatchNormalization)]
    momenta = [norm.momentum for norm in norms]
    for norm in norms:
        norm.momentum = 0.0
    base(keras.applications.mobilenet_v2.preprocess_input(images.copy()), training=True)
    for norm, momentum in zip(norms, momenta):
        norm.momentum = momentum


def train(model, images, labels, learning_rate, epochs, verbose=2):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model.fit(images, labels, batch_size=16, epochs=epochs, verbose=verbose)


def main(samples=64, size=32, classes=3, head_epochs=5, fine_tune_epochs=1, calibrate=True, verbose=2):
    keras.utils.set_random_seed(0)
    images, labels = synthetic_images(samples, size, classes)
    model, base = build(size, classes)
    if calibrate:
        calibrate_batch_norm(base, images)
    base.trainable = False
    print(f"base {base.name}: {base.count_params()} parameters, frozen; head: "
          f"{sum(w.numpy().size for w in model.trainable_weights)} trainable parameters")

    print("== 1. train the new head on the frozen base")
    before = [w.numpy() for w in base.weights]
    train(model, images, labels, 1e-2, head_epochs, verbose)
    unchanged = all(np.array_equal(a, w.numpy()) for a, w in zip(before, base.weights))
    print(f"base weights and BatchNormalization statistics unchanged: {unchanged}")

    if fine_tune_epochs:
        print("== 2. fine-tune the whole model with a small learning rate")
        base.trainable = True
        train(model, images, labels, 1e-4, fine_tune_epochs, verbose)
    loss, accuracy = model.evaluate(images, labels, verbose=0)
    print(f"loss {loss:.3f}, accuracy {accuracy:.2f}")
    return model, base, before


if __name__ == "__main__":
    main()
