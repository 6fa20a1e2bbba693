"""Moving absolute "xyxy" boxes with their image: clipping to the image (boxes left with no area get label
-1, as Keras marks them), cropping, padding, and affine maps given as the 8-parameter output -> input
transforms that `ops.image.affine_transform` applies to the pixels."""
from kerax import ops
from kerax.layers.preprocessing.image.affine import affine_matrix


def clip_to_image_size(bounding_boxes, height=None, width=None, bounding_box_format="xyxy"):
    """{"boxes", "labels"} with the boxes clipped to the image ([0, 1] for "rel_xyxy") and the label of each
    box left with zero area set to -1."""
    if bounding_box_format not in ("xyxy", "rel_xyxy"):
        raise NotImplementedError(f"clip_to_image_size() supports bounding_box_format 'xyxy' and "
                                  f"'rel_xyxy'. Received: bounding_box_format={bounding_box_format!r}; "
                                  f"convert first with `convert_format`.")
    if bounding_box_format == "xyxy" and (height is None or width is None):
        raise ValueError("`height` and `width` must be set if `bounding_box_format='xyxy'`.")
    if bounding_box_format == "rel_xyxy":
        height = width = 1.0
    boxes = ops.convert_to_tensor(bounding_boxes["boxes"])
    x1, y1, x2, y2 = ops.unstack(boxes, 4, axis=-1)
    x1, x2 = ops.clip(x1, 0, width), ops.clip(x2, 0, width)
    y1, y2 = ops.clip(y1, 0, height), ops.clip(y2, 0, height)
    result = {**bounding_boxes, "boxes": ops.stack([x1, y1, x2, y2], axis=-1)}
    if "labels" in bounding_boxes:
        labels = ops.convert_to_tensor(bounding_boxes["labels"])
        result["labels"] = ops.where((x2 - x1) * (y2 - y1) > 0, labels, ops.cast(-1, labels.dtype))
    return result


def crop(boxes, top, left, height, width, bounding_box_format="xyxy"):
    """Boxes of the (height, width) window at (top, left) of their image, clipped to that window."""
    boxes = _xyxy(boxes, bounding_box_format, "crop")
    return clip_to_image_size({"boxes": shift(boxes, -left, -top)}, height, width)["boxes"]


def pad(boxes, top, left, height=None, width=None, bounding_box_format="xyxy"):
    """Boxes of an image padded by `top` rows and `left` columns."""
    return shift(_xyxy(boxes, bounding_box_format, "pad"), left, top)


def shift(boxes, dx, dy):
    x1, y1, x2, y2 = ops.unstack(ops.convert_to_tensor(boxes), 4, axis=-1)
    return ops.stack([x1 + dx, y1 + dy, x2 + dx, y2 + dy], axis=-1)


def scale(boxes, sx, sy):
    x1, y1, x2, y2 = ops.unstack(ops.convert_to_tensor(boxes), 4, axis=-1)
    return ops.stack([x1 * sx, y1 * sy, x2 * sx, y2 * sy], axis=-1)


def through_matrix(boxes, matrix):
    """[B, N, 4] xyxy boxes of images warped by `matrix` ([B, 8], output pixel -> input pixel): each corner
    mapped by the inverse transform, the result the smallest box holding all four. Pixel i covers [i, i + 1),
    so corners move to pixel-centre coordinates (- 0.5) for the map and back after."""
    a0, a1, a2, b0, b1, b2 = (ops.reshape(matrix[:, i], (-1, 1, 1)) for i in range(6))
    det = a0 * b1 - a1 * b0
    x1, y1, x2, y2 = ops.unstack(ops.cast(boxes, matrix.dtype), 4, axis=-1)
    xs = ops.stack([x1, x2, x2, x1], axis=-1) - 0.5 - a2
    ys = ops.stack([y1, y1, y2, y2], axis=-1) - 0.5 - b2
    out_x = (b1 * xs - a1 * ys) / det + 0.5
    out_y = (a0 * ys - b0 * xs) / det + 0.5
    return _enclosing(out_x, out_y)


def through_homography(boxes, start_points, end_points):
    """[B, N, 4] xyxy boxes of images warped so that pixel `start_points` [B, 4, 2] land on `end_points`
    (`ops.image.perspective_transform`): the homography through those four pairs moves each corner (in
    pixel-centre coordinates), and the box becomes the smallest one holding the four."""
    x, y = start_points[..., 0], start_points[..., 1]
    u, v = end_points[..., 0], end_points[..., 1]
    zeros, ones = ops.zeros_like(x), ops.ones_like(x)
    rows_u = ops.stack([x, y, ones, zeros, zeros, zeros, -u * x, -u * y], axis=-1)
    rows_v = ops.stack([zeros, zeros, zeros, x, y, ones, -v * x, -v * y], axis=-1)
    system = ops.concatenate([rows_u, rows_v], axis=1)  # [B, 8, 8]
    h = ops.linalg.solve(system, ops.concatenate([u, v], axis=1)[..., None])[..., 0]
    h0, h1, h2, h3, h4, h5, h6, h7 = (ops.reshape(h[:, i], (-1, 1, 1)) for i in range(8))
    x1, y1, x2, y2 = ops.unstack(ops.cast(boxes, h.dtype), 4, axis=-1)
    xs = ops.stack([x1, x2, x2, x1], axis=-1) - 0.5
    ys = ops.stack([y1, y1, y2, y2], axis=-1) - 0.5
    scale = h6 * xs + h7 * ys + 1.0
    out_x = (h0 * xs + h1 * ys + h2) / scale + 0.5
    out_y = (h3 * xs + h4 * ys + h5) / scale + 0.5
    return _enclosing(out_x, out_y)


def _enclosing(xs, ys):
    """[..., 4] xyxy of the smallest boxes holding the points [..., 4] (xs, ys)."""
    return ops.stack([ops.min(xs, axis=-1), ops.min(ys, axis=-1), ops.max(xs, axis=-1), ops.max(ys, axis=-1)],
                     axis=-1)


def affine_transform(boxes, angle, translate_x, translate_y, scale, shear_x, shear_y, height, width,
                     center_x=None, center_y=None, bounding_box_format="xyxy"):
    """Boxes ((N, 4) or (B, N, 4)) of an image rotated by `angle` degrees, scaled, sheared (degrees) about its
    centre (fractions `center_x`, `center_y`, default 0.5), then shifted by fractions of its width and height:
    the boxes RandomRotation / RandomZoom / RandomShear / RandomTranslation give their images."""
    boxes = _xyxy(boxes, bounding_box_format, "affine_transform")
    single = len(boxes.shape) == 2
    boxes = boxes[None] if single else boxes
    batch = boxes.shape[0]
    values = [ops.broadcast_to(ops.cast(v, "float32"), (batch,))
              for v in (angle, translate_x, translate_y, scale, shear_x, shear_y)]
    angle, translate_x, translate_y, zoom, shear_x, shear_y = values
    zeros = ops.zeros((batch,))
    matrix = affine_matrix(0.5 if center_x is None else center_x, 0.5 if center_y is None else center_y,
                           angle, zeros, zeros, 1.0 / zoom, shear_x, shear_y, height, width)
    out = shift(through_matrix(boxes, matrix), ops.reshape(translate_x * width, (-1, 1)),
                ops.reshape(translate_y * height, (-1, 1)))
    return out[0] if single else out


def _xyxy(boxes, bounding_box_format, where):
    if bounding_box_format != "xyxy":
        raise NotImplementedError(f"{where}() works on 'xyxy' boxes. Received: bounding_box_format="
                                  f"{bounding_box_format!r}; convert them first with `convert_format`.")
    return ops.cast(ops.convert_to_tensor(boxes), "float32")

