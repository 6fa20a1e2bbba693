"""How an image layer moves the "bounding_boxes" of its input dict: converted from the layer's
`bounding_box_format` to absolute "xyxy" on the input images, moved by the layer (`transform_xyxy_boxes`,
`transform_box_labels`), clipped to the output images (boxes left with no area get label -1, as Keras marks
them) and converted back."""
from kerax import ops
from kerax.layers.preprocessing.image.bounding_boxes.formats import convert_format
from kerax.layers.preprocessing.image.bounding_boxes.geometry import clip_to_image_size


def check_supported(layer):
    """Fails before any work for a layer that cannot move boxes, or that was not told their format."""
    if layer._BOXES_UNSUPPORTED:
        raise NotImplementedError(f"{type(layer).__name__} cannot transform bounding boxes "
                                  f"({layer._BOXES_UNSUPPORTED}). Apply it to inputs without "
                                  f"'bounding_boxes', or use a layer that moves them.")
    if layer.bounding_box_format is None:
        raise ValueError(f"You passed an input with a 'bounding_boxes' key, but you didn't specify a "
                         f"bounding box format. Pass a `bounding_box_format` argument to your "
                         f"{type(layer).__name__} layer, e.g. `bounding_box_format='xyxy'`.")


def moved(layer, bounding_boxes, single, images, outputs, transformation, training):
    """The boxes of a batch (`single`: of one image, without a batch axis) after `layer` turned `images` into
    `outputs`."""
    batched = {key: ops.convert_to_tensor(value) for key, value in bounding_boxes.items()}
    if single:
        batched = {key: value[None] for key, value in batched.items()}
    height, width = layer._height_width(images)
    boxes = convert_format(batched["boxes"], layer.bounding_box_format, "xyxy", height, width)
    boxes = layer.transform_xyxy_boxes(boxes, transformation, training, height, width)
    if "labels" in batched:
        batched["labels"] = layer.transform_box_labels(batched["labels"], transformation, training)
    out_height, out_width = layer._height_width(outputs)
    clipped = clip_to_image_size({**batched, "boxes": boxes}, out_height, out_width)
    clipped["boxes"] = convert_format(clipped["boxes"], "xyxy", layer.bounding_box_format, out_height,
                                      out_width)
    return clipped
