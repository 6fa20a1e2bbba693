"""Bounding boxes through the geometric image layers, checked against NumPy formulas and against where the
layer actually moved the pixels of a bright rectangle."""
import numpy as np
import pytest

import kerax
from kerax import layers

BOXES = np.array([[[1, 2, 4, 6], [0, 0, 10, 8]], [[2, 2, 3, 3], [-1, -1, -1, -1]]], "float32")
LABELS = np.array([[1, 2], [3, -1]], "int32")


def _data(images, boxes=BOXES, labels=LABELS):
    return {"images": images, "bounding_boxes": {"boxes": boxes, "labels": labels}}


def _blocks(height, width, boxes):
    """[B, H, W, 1] images that are 1 inside the first box of each image, 0 elsewhere."""
    images = np.zeros((len(boxes), height, width, 1), "float32")
    for image, (x1, y1, x2, y2) in zip(images, boxes[:, 0].astype(int)):
        image[y1:y2, x1:x2] = 1.0
    return images


def _extent(image):
    """xyxy of the pixels above 0.5 (pixel i spans [i, i + 1))."""
    rows, cols = np.nonzero(image[..., 0] > 0.5)
    return np.array([cols.min(), rows.min(), cols.max() + 1, rows.max() + 1], "float32")


def test_horizontal_flip_maps_x_to_width_minus_x(rng):
    images = rng.uniform(size=(6, 8, 10, 3)).astype("float32")
    boxes = np.tile(BOXES[:1], (6, 1, 1))
    labels = np.tile(LABELS[:1], (6, 1))
    out = layers.RandomFlip("horizontal", bounding_box_format="xyxy", seed=3)(_data(images, boxes, labels))
    flipped = np.isclose(np.asarray(out["images"]), images[:, :, ::-1]).all(axis=(1, 2, 3))
    assert 0 < flipped.sum() < 6
    x1, y1, x2, y2 = np.moveaxis(boxes, -1, 0)
    expected = np.where(flipped[:, None, None], np.stack([10 - x2, y1, 10 - x1, y2], -1), boxes)
    np.testing.assert_allclose(out["bounding_boxes"]["boxes"], expected, atol=1e-5)


def test_vertical_flip_in_relative_format():
    images = np.zeros((1, 8, 10, 1), "float32")
    images[0, 0] = 1.0
    rel = np.array([[[0.1, 0.25, 0.4, 0.75]]], "float32")
    layer = layers.RandomFlip("vertical", bounding_box_format="rel_xyxy", seed=0)
    for _ in range(8):
        out = layer(_data(images, rel, np.array([[4]])))
        if np.asarray(out["images"])[0, -1, 0, 0] == 1.0:
            np.testing.assert_allclose(out["bounding_boxes"]["boxes"], [[[0.1, 0.25, 0.4, 0.75]]], atol=1e-6)
            return
    pytest.fail("no vertical flip in 8 draws")


@pytest.mark.parametrize("layer", [
    layers.RandomTranslation((0.2, 0.3), (-0.3, -0.2), fill_mode="constant", interpolation="nearest", seed=2,
                             bounding_box_format="xyxy"),
    layers.RandomRotation((0.25, 0.25), fill_mode="constant", interpolation="nearest",
                          bounding_box_format="xyxy"),
    layers.RandomZoom((-0.5, -0.5), fill_mode="constant", interpolation="nearest",
                      bounding_box_format="xyxy"),
    layers.RandomShear(0.3, 0.0, fill_mode="constant", interpolation="nearest", seed=4,
                       bounding_box_format="xyxy"),
    layers.RandomPerspective(factor=1.0, scale=0.5, interpolation="nearest", seed=6,
                             bounding_box_format="xyxy"),
], ids=["translation", "rotation", "zoom", "shear", "perspective"])
def test_affine_layers_move_boxes_with_the_pixels(layer):
    boxes = np.array([[[4, 5, 8, 9]], [[6, 4, 9, 10]]], "float32")
    images = _blocks(14, 14, boxes)
    out = layer(_data(images, boxes, np.array([[1], [2]])))
    for image, box in zip(np.asarray(out["images"]), np.asarray(out["bounding_boxes"]["boxes"])[:, 0]):
        np.testing.assert_allclose(box, _extent(image), atol=1.01)


def test_zoom_in_by_two_about_the_centre_and_marks_boxes_left_outside():
    boxes = np.array([[[4, 3, 6, 5], [0, 0, 2, 2]]], "float32")
    out = layers.RandomZoom((-0.5, -0.5), bounding_box_format="xyxy")(
        _data(np.zeros((1, 8, 10, 1), "float32"), boxes, np.array([[7, 8]])))
    x1, y1, x2, y2 = boxes[0, 0]
    expected = [2 * (x1 - 5) + 5, 2 * (y1 - 4) + 4, 2 * (x2 - 5) + 5, 2 * (y2 - 4) + 4]
    np.testing.assert_allclose(out["bounding_boxes"]["boxes"][0, 0], expected, atol=1e-4)
    np.testing.assert_array_equal(out["bounding_boxes"]["labels"], [[7, -1]])


def test_random_crop_shifts_boxes_by_the_window():
    images = np.arange(8 * 10, dtype="float32").reshape(1, 8, 10, 1)
    out = layers.RandomCrop(4, 5, seed=7, bounding_box_format="xyxy")(_data(images, BOXES[:1], LABELS[:1]))
    corner = np.asarray(out["images"])[0, 0, 0, 0]
    top, left = divmod(int(corner), 10)
    expected = np.clip(BOXES[0] - [left, top, left, top], 0, [5, 4, 5, 4])
    np.testing.assert_allclose(out["bounding_boxes"]["boxes"][0], expected, atol=1e-5)
    area = (expected[:, 2] - expected[:, 0]) * (expected[:, 3] - expected[:, 1])
    np.testing.assert_array_equal(out["bounding_boxes"]["labels"][0], np.where(area > 0, LABELS[0], -1))


def test_center_crop_and_resizing_with_aspect_ratio():
    images = np.zeros((2, 8, 10, 3), "float32")
    out = layers.CenterCrop(4, 6, bounding_box_format="xyxy")(_data(images))
    np.testing.assert_allclose(out["bounding_boxes"]["boxes"][0],
                               [[0, 0, 2, 4], [0, 0, 6, 4]], atol=1e-5)  # window at (left 2, top 2)
    padded = layers.Resizing(4, 4, pad_to_aspect_ratio=True, bounding_box_format="xyxy")(_data(images))
    np.testing.assert_allclose(padded["bounding_boxes"]["boxes"][0],  # 1 row of padding each side, * 0.4
                               [[0.4, 1.2, 1.6, 2.8], [0, 0.4, 4, 3.6]], atol=1e-5)
    cropped = layers.Resizing(4, 4, crop_to_aspect_ratio=True, bounding_box_format="xyxy")(_data(images))
    np.testing.assert_allclose(cropped["bounding_boxes"]["boxes"][0],  # 8x8 window from column 1, * 0.5
                               [[0, 1, 1.5, 3], [0, 0, 4, 4]], atol=1e-5)
    np.testing.assert_array_equal(cropped["bounding_boxes"]["labels"], LABELS)


def test_single_image_center_xywh_and_inference_leave_boxes():
    image = np.zeros((8, 10, 3), "float32")
    boxes = np.array([[2.5, 4, 3, 4]], "float32")  # center_xywh of xyxy (1, 2, 4, 6)
    layer = layers.RandomTranslation(0.5, 0.5, bounding_box_format="center_xywh", seed=1)
    out = layer(_data(image, boxes, np.array([5])), training=False)
    np.testing.assert_allclose(out["bounding_boxes"]["boxes"], boxes)
    out = layers.Resizing(4, 5, bounding_box_format="center_xywh")(_data(image, boxes, np.array([5])))
    np.testing.assert_allclose(out["bounding_boxes"]["boxes"], [[1.25, 2.0, 1.5, 2.0]], atol=1e-5)


def test_errors_and_color_layers_pass_boxes_through():
    data = _data(np.zeros((2, 8, 10, 3), "float32"))
    with pytest.raises(ValueError, match="bounding_box_format='xyxy'"):
        layers.RandomFlip()(data)
    with pytest.raises(NotImplementedError, match="CutMix cannot transform bounding boxes"):
        layers.CutMix(bounding_box_format="xyxy")(data)
    out = layers.RandomBrightness(0.2, bounding_box_format="xyxy")(data)
    np.testing.assert_allclose(out["bounding_boxes"]["boxes"], np.clip(BOXES, 0, [10, 8, 10, 8]))


def test_config_round_trip_and_saved_model(tmp_path):
    layer = layers.RandomRotation(0.1, bounding_box_format="yxyx", seed=3)
    assert layers.RandomRotation.from_config(layer.get_config()).bounding_box_format == "yxyx"
    model = kerax.Sequential([kerax.Input((8, 8, 3)), layers.RandomFlip(bounding_box_format="rel_xyxy"),
                              layers.Resizing(4, 4, bounding_box_format="rel_xyxy")])
    model.save(tmp_path / "m.keras")
    loaded = kerax.saving.load_model(tmp_path / "m.keras")
    assert [lay.bounding_box_format for lay in loaded.layers] == ["rel_xyxy", "rel_xyxy"]
    out = loaded.layers[1](_data(np.zeros((2, 8, 8, 3), "float32"), BOXES / 10.0))
    np.testing.assert_allclose(out["bounding_boxes"]["boxes"], np.clip(BOXES / 10.0, 0, 1), atol=1e-6)


def test_mix_up_appends_the_partner_images_boxes(rng):
    images = rng.uniform(size=(2, 8, 10, 3)).astype("float32")
    out = layers.MixUp(alpha=0.5, seed=2, bounding_box_format="xyxy")(_data(images))
    boxes, labels = np.asarray(out["bounding_boxes"]["boxes"]), np.asarray(out["bounding_boxes"]["labels"])
    assert boxes.shape == (2, 4, 4) and labels.shape == (2, 4)
    clipped = np.clip(BOXES, 0, [10, 8, 10, 8])
    for i in range(2):
        np.testing.assert_allclose(boxes[i, :2], clipped[i])
        partner = [j for j in range(2) if np.allclose(boxes[i, 2:], clipped[j])]
        assert partner and np.array_equal(labels[i], np.concatenate([LABELS[i], LABELS[partner[0]]]))


def test_rand_augment_moves_boxes_only_with_its_geometric_choices():
    """One op per call: boxes move by the drawn shift when RandAugment chose translation, stay put for a
    colour op (names in the order RandAugment lists them)."""
    layer = layers.RandAugment(value_range=(0, 1), num_ops=1, seed=5, bounding_box_format="xyxy")
    names = ["random_shear", "random_translation", "random_rotation", "random_brightness",
             "random_color_degeneration", "random_contrast", "random_sharpness", "random_posterization",
             "solarization", "auto_contrast", "equalization"]
    boxes = np.array([[[2, 2, 6, 5]], [[1, 3, 4, 7]]], "float32")
    images = np.zeros((2, 10, 12, 3), "float32")
    seen = set()
    for _ in range(40):
        drawn = layer.get_random_transformation(images)
        chosen = names[int(np.asarray(drawn["layer_idxes"])[0])]
        moved = np.asarray(layer.transform_xyxy_boxes(boxes, drawn, True, 10, 12))
        if chosen == "random_translation":
            dx, dy = np.asarray(drawn["transforms"][chosen]["translations"]).T
            expected = boxes + np.stack([dx, dy, dx, dy], -1)[:, None]
            np.testing.assert_allclose(moved, expected, atol=1e-4)
        elif chosen not in names[:3]:
            np.testing.assert_allclose(moved, boxes)
        seen.add(chosen)
        if "random_translation" in seen and len(seen) > 3:
            break
    assert "random_translation" in seen and len(seen) > 3
