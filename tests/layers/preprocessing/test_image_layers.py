"""Image preprocessing and augmentation layers against NumPy: the transformation each one draws is recovered
from its output and checked against the formula; seeds repeat; `training=False` leaves images alone; and the
augmentations train inside a compiled model, drawing fresh values every step."""
import numpy as np
import pytest

import kerax
from kerax import layers


@pytest.fixture
def images(rng):
    return rng.uniform(0, 255, size=(4, 6, 6, 3)).astype("float32")


def test_resizing_and_center_crop(images):
    nearest = np.asarray(layers.Resizing(3, 2, interpolation="nearest")(images))
    rows = np.floor((np.arange(3) + 0.5) * 2).astype(int)
    cols = np.floor((np.arange(2) + 0.5) * 3).astype(int)
    np.testing.assert_array_equal(nearest, images[:, rows][:, :, cols])
    np.testing.assert_array_equal(np.asarray(layers.CenterCrop(4, 2)(images)), images[:, 1:5, 2:4])
    flat = np.full((2, 3, 5, 1), 7.0, dtype="float32")  # smaller than the target: crop to aspect, then resize
    np.testing.assert_allclose(np.asarray(layers.CenterCrop(6, 6)(flat)), 7.0)
    channels_first = np.moveaxis(images, -1, 1)
    out = layers.CenterCrop(4, 2, data_format="channels_first")(channels_first)
    np.testing.assert_array_equal(np.asarray(out), channels_first[:, :, 1:5, 2:4])


def test_random_crop_takes_one_window_per_batch_and_centres_at_inference(images):
    out = np.asarray(layers.RandomCrop(3, 4, seed=3)(images))
    windows = [(t, l) for t in range(4) for l in range(3) if np.array_equal(out, images[:, t:t + 3, l:l + 4])]
    assert len(windows) == 1
    square = np.asarray(layers.RandomCrop(4, 4, seed=3)(images, training=False))
    np.testing.assert_allclose(square, np.asarray(layers.Resizing(4, 4)(images)), atol=1e-4)


def test_random_flip_flips_each_image_or_not(images):
    out = np.asarray(layers.RandomFlip(seed=5)(images))
    both = images[:, ::-1, ::-1]
    flipped = [np.array_equal(o, f) for o, f in zip(out, both)]
    kept = [np.array_equal(o, i) for o, i in zip(out, images)]
    assert all(f or k for f, k in zip(flipped, kept))
    horizontal = np.asarray(layers.RandomFlip("horizontal", seed=5)(images))
    assert all(np.array_equal(o, i) or np.array_equal(o, i[:, ::-1]) for o, i in zip(horizontal, images))
    np.testing.assert_array_equal(np.asarray(layers.RandomFlip()(images, training=False)), images)
    again = np.asarray(layers.RandomFlip(seed=5)(images))
    np.testing.assert_array_equal(out, again)


def test_rotation_zoom_translation_against_numpy(images):
    half_turn = layers.RandomRotation((0.5, 0.5), interpolation="nearest")(images)
    np.testing.assert_allclose(np.asarray(half_turn), images[:, ::-1, ::-1], atol=1e-3)
    quarter = layers.RandomRotation((0.25, 0.25), interpolation="nearest")(images)
    np.testing.assert_allclose(np.asarray(quarter), np.rot90(images, k=1, axes=(1, 2)), atol=1e-3)
    shifted = np.asarray(layers.RandomTranslation((1 / 6, 1 / 6), 0.0, fill_mode="constant")(images))
    np.testing.assert_allclose(shifted[:, 1:], images[:, :-1], atol=1e-3)
    np.testing.assert_allclose(shifted[:, 0], 0.0, atol=1e-6)
    # Zooming in by 2 about the centre (factor -0.5): output (r, c) reads input (r / 2 + 1.25, c / 2 + 1.25).
    zoomed = np.asarray(layers.RandomZoom((-0.5, -0.5))(images))
    src = np.arange(6) * 0.5 + 1.25
    lo, frac = np.floor(src).astype(int), src - np.floor(src)
    rows = images[:, lo] * (1 - frac)[None, :, None, None] + images[:, lo + 1] * frac[None, :, None, None]
    expected = rows[:, :, lo] * (1 - frac)[None, None, :, None] + rows[:, :, lo + 1] * frac[None, None, :,
                                                                                            None]
    np.testing.assert_allclose(zoomed, expected, rtol=1e-4, atol=1e-3)
    for layer in (layers.RandomRotation(0.3), layers.RandomZoom(0.3), layers.RandomTranslation(0.3, 0.3)):
        np.testing.assert_array_equal(np.asarray(layer(images, training=False)), images)


def test_contrast_and_brightness_follow_their_formulas(images):
    out = np.asarray(layers.RandomContrast(0.5, seed=1)(images))
    mean = images.mean(axis=(1, 2), keepdims=True)
    inside = (out > 0) & (out < 255)
    factors = ((out - mean) / (images - mean))[inside]
    per_image = [((out[n] - mean[n]) / (images[n] - mean[n]))[inside[n]] for n in range(4)]
    assert all(np.allclose(f, f[0], rtol=1e-3) and 0.5 <= f[0] <= 1.5 for f in per_image) and factors.size
    shifted = np.asarray(layers.RandomBrightness(0.2, seed=2)(images))
    deltas = [(shifted[n] - images[n])[(shifted[n] > 0) & (shifted[n] < 255)] for n in range(4)]
    assert all(np.allclose(d, d[0], atol=1e-3) and abs(d[0]) <= 0.2 * 255 for d in deltas)
    np.testing.assert_array_equal(np.asarray(layers.RandomBrightness(0.2)(images, training=False)), images)
    with pytest.raises(ValueError, match="in the range \\[-1, 1\\]"):
        layers.RandomBrightness(2.0)


def test_augmentation_trains_in_a_compiled_model_with_fresh_draws(images, rng):
    flip = layers.RandomFlip(seed=1)
    model = kerax.Sequential([kerax.Input((6, 6, 3)), layers.Rescaling(1 / 255), flip,
                              layers.RandomRotation(0.1, seed=2), layers.RandomContrast(0.2, value_range=(0,
                                                                                                          1)),
                              layers.Flatten(), layers.Dense(1)])
    model.compile("sgd", "mse")
    before = flip.generator.state.numpy().copy()
    model.fit(images, rng.normal(size=(4, 1)), batch_size=2, epochs=1, verbose=0)
    assert flip.generator.state.numpy()[1] == before[1] + 2  # one draw per step, inside the compiled steps
    first, second = model.predict(images, verbose=0), model.predict(images, verbose=0)
    np.testing.assert_array_equal(first, second)  # inference leaves images alone
    dicts = layers.RandomFlip("vertical", seed=4)({"images": images, "labels": np.arange(4),
                                                   "segmentation_masks": images[..., :1]})
    masks_flipped = [np.array_equal(np.asarray(m), i[..., :1][::-1]) for m,
                     i in zip(dicts["segmentation_masks"],
                                                                                      images)]
    images_flipped = [np.array_equal(np.asarray(o), i[::-1]) for o, i in zip(dicts["images"], images)]
    assert masks_flipped == images_flipped
    single = layers.RandomFlip(seed=4)(images[0])
    assert single.shape == (6, 6, 3)
