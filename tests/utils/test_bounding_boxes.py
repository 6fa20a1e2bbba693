"""keras.utils.bounding_boxes: formats, clipping, crop/pad, affine maps, IoU, CIoU and anchor deltas against
NumPy formulas."""
import math

import numpy as np
import pytest

from kerax.utils import bounding_boxes as bb

XYXY = np.array([[1, 2, 4, 6], [0, 0, 10, 8]], "float32")  # in a 8 (high) x 10 (wide) image


@pytest.mark.parametrize("target,expected", [
    ("xywh", [[1, 2, 3, 4], [0, 0, 10, 8]]),
    ("yxyx", [[2, 1, 6, 4], [0, 0, 8, 10]]),
    ("center_xywh", [[2.5, 4, 3, 4], [5, 4, 10, 8]]),
    ("center_yxhw", [[4, 2.5, 4, 3], [4, 5, 8, 10]]),
    ("rel_xyxy", [[0.1, 0.25, 0.4, 0.75], [0, 0, 1, 1]]),
    ("rel_yxyx", [[0.25, 0.1, 0.75, 0.4], [0, 0, 1, 1]]),
    ("rel_xywh", [[0.1, 0.25, 0.3, 0.5], [0, 0, 1, 1]]),
    ("rel_center_xywh", [[0.25, 0.5, 0.3, 0.5], [0.5, 0.5, 1, 1]]),
])
def test_convert_format_both_ways(target, expected):
    out = bb.convert_format(XYXY, "xyxy", target, height=8, width=10)
    np.testing.assert_allclose(out, expected, atol=1e-6)
    np.testing.assert_allclose(bb.convert_format(out, target, "xyxy", height=8, width=10), XYXY, atol=1e-5)


def test_convert_format_errors_and_dicts():
    with pytest.raises(ValueError, match="height` and `width"):
        bb.convert_format(XYXY, "xyxy", "rel_xyxy")
    with pytest.raises(ValueError, match="Invalid `target`"):
        bb.convert_format(XYXY, "xyxy", "xyzw")
    out = bb.convert_format({"boxes": XYXY, "labels": np.array([1, 2])}, "xyxy", "xywh")
    np.testing.assert_array_equal(out["labels"], [1, 2])


def test_clip_crop_and_pad():
    clipped = bb.clip_to_image_size({"boxes": np.array([[-10, -20, 150, 160], [50, 40, 70, 80],
                                                        [130, 10, 140, 20]], "float32"),
                                     "labels": np.array([0, 1, 2])}, height=100, width=120)
    np.testing.assert_allclose(clipped["boxes"], [[0, 0, 120, 100], [50, 40, 70, 80], [120, 10, 120, 20]])
    np.testing.assert_array_equal(clipped["labels"], [0, 1, -1])
    np.testing.assert_allclose(bb.crop(XYXY, 1, 2, 4, 5), [[0, 1, 2, 4], [0, 0, 5, 4]])
    np.testing.assert_allclose(bb.pad(XYXY, 3, 2), XYXY + [2, 3, 2, 3])
    with pytest.raises(NotImplementedError, match="xywh"):
        bb.clip_to_image_size({"boxes": XYXY}, 8, 10, bounding_box_format="xywh")


def test_affine_transform_translation_and_quarter_turn():
    moved = bb.affine_transform(XYXY, 0.0, 0.1, -0.25, 1.0, 0.0, 0.0, height=8, width=10)
    np.testing.assert_allclose(moved, XYXY + [1, -2, 1, -2], atol=1e-5)
    turned = np.asarray(bb.affine_transform(np.array([[1, 2, 4, 6]], "float32"), 90.0, 0.0, 0.0, 1.0, 0.0,
                                            0.0, height=10, width=10))
    # a quarter turn about the centre (5, 5) maps the box to one of its two rotated positions
    candidates = ([10 - 6, 1, 10 - 2, 4], [2, 10 - 4, 6, 10 - 1])
    assert any(np.allclose(turned[0], c, atol=1e-4) for c in candidates), turned


def _iou(a, b):
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - w * h
    return w * h / union


def test_compute_iou_pairwise_and_masked(rng):
    corner = rng.uniform(0, 5, size=(2, 3, 2))
    a = np.concatenate([corner[0], corner[0] + rng.uniform(1, 4, size=(3, 2))], -1).astype("float32")
    b = np.concatenate([corner[1], corner[1] + rng.uniform(1, 4, size=(3, 2))], -1).astype("float32")
    expected = np.array([[_iou(x, y) for y in b] for x in a])
    np.testing.assert_allclose(bb.compute_iou(a, b, "xyxy"), expected, atol=1e-5)
    batched = bb.compute_iou(a[None], b[None], "xyxy")
    assert batched.shape == (1, 3, 3)
    b[1] = -1
    masked = np.asarray(bb.compute_iou(a, b, "xyxy", use_masking=True, mask_val=-1))
    np.testing.assert_allclose(masked[:, 1], -1)
    np.testing.assert_allclose(masked[:, 0], expected[:, 0], atol=1e-5)


def test_compute_ciou_against_its_formula():
    a, b = np.array([0, 0, 4, 2], "float32"), np.array([1, 1, 3, 5], "float32")
    iou = _iou(a, b)
    rho2 = (2 - 2) ** 2 + (1 - 3) ** 2
    c2 = 4 ** 2 + 5 ** 2
    v = 4 / math.pi ** 2 * (math.atan(2 / 4) - math.atan(4 / 2)) ** 2
    expected = iou - rho2 / c2 - v * v / (1 - iou + v)
    np.testing.assert_allclose(bb.compute_ciou(a[None], b[None], "xyxy"), [expected], rtol=1e-4)
    np.testing.assert_allclose(bb.compute_ciou(a[None], a[None], "xyxy"), [1.0], atol=1e-5)


def test_encode_and_decode_deltas():
    anchors = np.array([[0, 0, 4, 4], [2, 2, 8, 6]], "float32")
    boxes = np.array([[1, 0, 5, 6], [2, 3, 10, 5]], "float32")
    variance = [0.1, 0.1, 0.2, 0.2]
    deltas = np.asarray(bb.encode_box_to_deltas(anchors, boxes, "xyxy", "xyxy", variance=variance))
    ay, ax = (anchors[:, 1] + anchors[:, 3]) / 2, (anchors[:, 0] + anchors[:, 2]) / 2
    ah, aw = anchors[:, 3] - anchors[:, 1], anchors[:, 2] - anchors[:, 0]
    by, bx = (boxes[:, 1] + boxes[:, 3]) / 2, (boxes[:, 0] + boxes[:, 2]) / 2
    bh, bw = boxes[:, 3] - boxes[:, 1], boxes[:, 2] - boxes[:, 0]
    expected = np.stack([(by - ay) / ah / 0.1, (bx - ax) / aw / 0.1, np.log(bh / ah) / 0.2,
                         np.log(bw / aw) / 0.2], -1)
    np.testing.assert_allclose(deltas, expected, rtol=1e-5, atol=1e-6)
    decoded = bb.decode_deltas_to_boxes(anchors, deltas, "xyxy", "xyxy", variance=[0.1, 0.1, 0.2, 0.2])
    np.testing.assert_allclose(decoded, boxes, atol=1e-4)
