"""The colour augmentations against NumPy formulas, each with its random draw pinned by a degenerate factor
range (or recovered from the output)."""
import numpy as np
import pytest

from kerax import layers

LUMA = np.array([0.2989, 0.5870, 0.1140], dtype="float32")


@pytest.fixture
def images(rng):
    return rng.uniform(0, 255, size=(4, 6, 6, 3)).astype("float32")


def _filter_same(plane, kernel):
    padded = np.pad(plane, 1)
    height, width = plane.shape
    return sum(kernel[i, j] * padded[i:i + height, j:j + width] for i in range(3) for j in range(3))


def test_grayscale_invert_posterize_solarize(images):
    gray = (images @ LUMA)[..., None]
    np.testing.assert_allclose(np.asarray(layers.RandomGrayscale(factor=1.0)(images)),
                               np.broadcast_to(gray, images.shape), rtol=1e-5)
    np.testing.assert_array_equal(np.asarray(layers.RandomGrayscale(factor=0.0)(images)), images)
    inverted = np.asarray(layers.RandomInvert(seed=1)(images))
    assert all(np.allclose(o, x) or np.allclose(o, 255 - x) for o, x in zip(inverted, images))
    np.testing.assert_array_equal(np.asarray(layers.RandomPosterization((4, 4))(images)),
                                  np.floor(np.floor(images) / 16) * 16)
    solarized = np.asarray(layers.Solarization(threshold_factor=(0.5, 0.5))(images))
    np.testing.assert_allclose(solarized, np.where(images < 127.5, images, 255 - images), rtol=1e-5)


def test_auto_contrast_and_equalization(images):
    low, high = images.min(axis=(1, 2), keepdims=True), images.max(axis=(1, 2), keepdims=True)
    np.testing.assert_allclose(np.asarray(layers.AutoContrast()(images)), (images - low) * 255 / (high - low),
                               rtol=1e-4, atol=1e-3)
    pixels = np.floor(images)
    expected = np.empty_like(images)
    for n in range(4):
        for c in range(3):
            hist = np.bincount(pixels[n, :, :, c].astype(int).ravel(), minlength=256)
            cdf = np.cumsum(hist)
            cdf_min = cdf[cdf > 0][0]
            table = np.clip(np.round((cdf - cdf_min) * 255 / (cdf[-1] - cdf_min)), 0, 255)
            expected[n, :, :, c] = table[pixels[n, :, :, c].astype(int)]
    np.testing.assert_allclose(np.asarray(layers.Equalization()(pixels)), expected)


def test_degeneration_saturation_hue_sharpness(images):
    gray = (images @ LUMA)[..., None]
    np.testing.assert_allclose(np.asarray(layers.RandomColorDegeneration((0.5, 0.5))(images)),
                               images + 0.5 * (gray - images), rtol=1e-5, atol=1e-3)
    np.testing.assert_allclose(np.asarray(layers.RandomSaturation((0.5, 0.5))(images)), images, atol=0.05)
    grey = np.asarray(layers.RandomSaturation((0.0, 0.0))(images))
    np.testing.assert_allclose(grey, np.broadcast_to(images.max(-1, keepdims=True), images.shape), atol=1e-2)
    np.testing.assert_allclose(np.asarray(layers.RandomHue((0.0, 0.0))(images)), images, atol=0.05)
    kernel = np.array([[1, 1, 1], [1, 5, 1], [1, 1, 1]], dtype="float32") / 13
    smooth = np.stack([[_filter_same(x[..., c], kernel) for c in range(3)] for x in images])
    np.testing.assert_allclose(np.asarray(layers.RandomSharpness((0.0, 0.0))(images)),
                               np.clip(np.moveaxis(smooth, 1, -1), 0, 255), rtol=1e-4, atol=1e-2)
    np.testing.assert_allclose(np.asarray(layers.RandomSharpness((0.5, 0.5))(images)), images, atol=1e-3)


def test_gaussian_blur_and_color_jitter(images):
    taps = np.exp(-0.5 * (np.arange(-1, 2) / 0.5) ** 2)
    kernel = np.outer(taps, taps) / taps.sum() ** 2
    planes = np.stack([[_filter_same(x[..., c], kernel) for c in range(3)] for x in images])
    expected = np.moveaxis(planes, 1, -1)
    blurred = layers.RandomGaussianBlur(factor=(1.0, 1.0), sigma=(0.5, 0.5), seed=2)(images)
    np.testing.assert_allclose(np.asarray(blurred), expected, rtol=1e-4, atol=1e-2)
    jitter = layers.RandomColorJitter(brightness_factor=0.2, contrast_factor=0.2, seed=3)
    out = np.asarray(jitter(images))
    assert out.shape == images.shape and out.min() >= 0 and out.max() <= 255
    np.testing.assert_array_equal(np.asarray(jitter(images, training=False)), images)
