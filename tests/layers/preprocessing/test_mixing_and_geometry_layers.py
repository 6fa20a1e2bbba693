"""MixUp, CutMix, RandomErasing, CLAHE and the remaining geometric augmentations against NumPy; RandAugment,
AugMix, Pipeline and MaxNumBoundingBoxes for their contracts."""
import numpy as np
import pytest

from kerax import layers


@pytest.fixture
def images(rng):
    return rng.uniform(0, 255, size=(4, 6, 6, 3)).astype("float32")


def test_mix_up_and_cut_mix_mix_images_and_labels_alike(images):
    labels = np.eye(4, dtype="float32")
    mixed = layers.MixUp(alpha=0.5, seed=3)({"images": images, "labels": labels})
    for out, label in zip(np.asarray(mixed["images"]), np.asarray(mixed["labels"])):
        expected = sum(w * images[j] for j, w in enumerate(label))
        np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-2)
    cut = layers.CutMix(seed=5)({"images": images, "labels": labels})
    for out, label in zip(np.asarray(cut["images"]), np.asarray(cut["labels"])):
        sources = [j for j, w in enumerate(label) if w > 1e-6]
        assert np.all(np.any([np.isclose(out, images[j]) for j in sources], axis=0))
        np.testing.assert_allclose(label.sum(), 1.0, rtol=1e-5)


def test_random_erasing_fills_one_box(images):
    out = np.asarray(layers.RandomErasing(factor=(1.0, 1.0), fill_value=0.0, seed=4)(images))
    for o, x in zip(out, images):
        erased = np.all(o == 0, axis=-1)
        assert np.array_equal(o[~erased], x[~erased])
        rows, cols = np.nonzero(erased)
        assert erased[rows.min():rows.max() + 1, cols.min():cols.max() + 1].all()


def test_clahe_with_one_unclipped_tile_is_histogram_equalization(images):
    pixels = np.floor(images)
    clahe = layers.ContrastLimitedAdaptiveHistogramEqualization(clip_limit=0, tile_grid_size=(1, 1))
    out = np.asarray(clahe(pixels))
    for n in range(4):
        for c in range(3):
            plane = pixels[n, :, :, c].astype(int)
            cdf = np.cumsum(np.bincount(plane.ravel(), minlength=256))
            table = np.clip((cdf - cdf.min()) * 255.0 / (36 - cdf.min()), 0, 255)
            np.testing.assert_allclose(out[n, :, :, c], table[plane], rtol=1e-4, atol=1e-3)


def test_shear_perspective_elastic(images):
    shear = layers.RandomShear(x_factor=(1.0, 1.0), interpolation="nearest", fill_mode="constant", seed=1)
    sheared = np.asarray(shear(images))
    rows, cols = np.meshgrid(np.arange(6), np.arange(6), indexing="ij")
    for out, x in zip(sheared, images):
        candidates = []
        for sign in (1, -1):
            src = cols + sign * rows
            inside = (src >= 0) & (src < 6)
            candidates.append(np.where(inside[..., None], x[rows, np.clip(src, 0, 5)], 0.0))
        assert any(np.allclose(out, c, atol=1e-3) for c in candidates)
    np.testing.assert_allclose(np.asarray(layers.RandomPerspective(scale=0.0)(images)), images, atol=1e-3)
    assert not np.allclose(np.asarray(layers.RandomPerspective(factor=(1, 1), seed=2)(images)), images)
    np.testing.assert_array_equal(np.asarray(layers.RandomElasticTransform(scale=0.0)(images)), images)
    first = np.asarray(layers.RandomElasticTransform(factor=(1, 1), seed=3)(images))
    again = np.asarray(layers.RandomElasticTransform(factor=(1, 1), seed=3)(images))
    np.testing.assert_array_equal(first, again)
    assert not np.allclose(first, images)


def test_rand_augment_aug_mix_pipeline_and_box_counts(images):
    augmix = layers.AugMix(num_chains=1, chain_depth=1, all_ops=False, seed=1)
    for layer in (layers.RandAugment(num_ops=1, seed=1), augmix):
        out = np.asarray(layer(images))
        assert out.shape == images.shape and out.min() >= 0 and out.max() <= 255.001
        np.testing.assert_array_equal(np.asarray(layer(images, training=False)), images)
    pipeline = layers.Pipeline([layers.RandomFlip("horizontal", seed=2), layers.Resizing(4, 4)])
    np.testing.assert_allclose(np.asarray(pipeline(images, training=False)),
                               np.asarray(layers.Resizing(4, 4)(images)), rtol=1e-6)
    boxes = {"boxes": np.arange(24, dtype="float32").reshape(2, 3, 4), "labels": np.ones((2, 3))}
    fitted = layers.MaxNumBoundingBoxes(max_number=4)({"images": images[:2], "bounding_boxes": boxes})
    np.testing.assert_array_equal(np.asarray(fitted["bounding_boxes"]["boxes"])[:, :3], boxes["boxes"])
    np.testing.assert_array_equal(np.asarray(fitted["bounding_boxes"]["labels"])[:, 3], [-1, -1])
    cut = layers.MaxNumBoundingBoxes(max_number=2)({"images": images[:2], "bounding_boxes": boxes})
    assert cut["bounding_boxes"]["boxes"].shape == (2, 2, 4)
