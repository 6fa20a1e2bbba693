"""BaseImagePreprocessingLayer: what the image preprocessing and augmentation layers share.

A layer draws one random transformation per call for the whole batch (`get_random_transformation`, with the
layer's SeedGenerator, so compiled steps draw fresh values each step and a seed makes them repeatable) and
applies it to the images with batched ops, never image by image. Inputs are images (3D or 4D) or a dict with
"images" and optionally "labels", "bounding_boxes" ({"boxes", "labels"} in `bounding_box_format`) and
"segmentation_masks". Random layers transform only when `training` is true, which is call()'s default (as in
Keras): calling a layer directly augments; `predict`, `evaluate` and `training=False` leave the images as they
are.
"""
from kerax import backend, ops, random, tree
from kerax.layers.layer import Layer
from kerax.layers.preprocessing.image.bounding_boxes import layer_boxes


class BaseImagePreprocessingLayer(Layer):
    _USE_BASE_FACTOR = True
    _FACTOR_BOUNDS = (-1, 1)
    interpolation = "bilinear"
    _BOXES_UNSUPPORTED = None  # why the layer cannot move bounding boxes, where it cannot

    def __init__(self, factor=None, bounding_box_format=None, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.bounding_box_format = bounding_box_format
        self.data_format = backend.standardize_data_format(data_format)
        if self._USE_BASE_FACTOR:
            self._set_factor(factor or 0.0)
        elif factor is not None:
            raise ValueError(f"Layer {type(self).__name__} does not take a `factor` argument. Received: "
                             f"factor={factor}")

    def _set_factor(self, factor):
        low, high = self._FACTOR_BOUNDS
        message = (f"The `factor` argument should be a number (or a list of two numbers) in the range "
                   f"[{low}, {high}]. Received: factor={factor}")
        if isinstance(factor, (tuple, list)):
            if len(factor) != 2 or factor[0] > high or factor[1] < low:
                raise ValueError(message)
            self.factor = tuple(sorted(factor))
        elif isinstance(factor, (int, float)):
            if not low <= factor <= high:
                raise ValueError(message)
            self.factor = (max(-abs(factor), low), abs(factor))
        else:
            raise ValueError(message)

    # --- what subclasses define ---------------------------------------------------------------------------
    def get_random_transformation(self, data, training=True, seed=None):
        return None

    def _transform_images(self, images, transformation, interpolation):
        raise NotImplementedError(f"{type(self).__name__} does not implement _transform_images().")

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if training:
            images = self._transform_images(images, transformation, self.interpolation)
        return images

    def transform_labels(self, labels, transformation, training=True):
        return labels

    def transform_xyxy_boxes(self, boxes, transformation, training, height, width):
        """[B, N, 4] absolute "xyxy" boxes of the input images -> the same boxes on the output images."""
        return boxes

    def transform_box_labels(self, labels, transformation, training):
        """[B, N] labels of the boxes, in the order `transform_xyxy_boxes` returns the boxes."""
        return labels

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        if training:
            return self._transform_images(segmentation_masks, transformation, "nearest")
        return segmentation_masks

    # --- the call -----------------------------------------------------------------------------------------
    def call(self, data, training=True):
        if isinstance(data, dict):
            return self._call_on_dict(dict(data), training)
        images, single = self._as_batch(data)
        out = self.transform_images(images, self.get_random_transformation(images, training=training),
                                    training)
        return out[0] if single else out

    def _call_on_dict(self, data, training):
        if "bounding_boxes" in data:
            layer_boxes.check_supported(self)
        images, single = self._as_batch(data["images"])
        transformation = self.get_random_transformation(dict(data, images=images), training=training)
        out = {"images": self.transform_images(images, transformation, training)}
        if "labels" in data:
            labels = ops.convert_to_tensor(data["labels"])
            out["labels"] = self.transform_labels(labels[None] if single else labels, transformation,
                                                  training)
        if "bounding_boxes" in data:
            out["bounding_boxes"] = layer_boxes.moved(self, data["bounding_boxes"], single, images,
                                                      out["images"], transformation, training)
        if "segmentation_masks" in data:
            masks, _ = self._as_batch(data["segmentation_masks"])
            out["segmentation_masks"] = self.transform_segmentation_masks(masks, transformation, training)
        if single:
            out = tree.map_structure(lambda value: value[0], out)
        return {**data, **out}

    def _as_batch(self, images):
        images = images if backend.is_tensor(images) else ops.convert_to_tensor(images)
        if len(images.shape) not in (3, 4):
            raise ValueError("Expected image tensor to have rank 3 (single image) or 4 (batch of images). "
                             f"Received: data.shape={tuple(images.shape)}")
        return (images[None], True) if len(images.shape) == 3 else (images, False)

    # --- helpers for subclasses ---------------------------------------------------------------------------
    def _spatial_axes(self):
        return (1, 2) if self.data_format == "channels_last" else (2, 3)

    def _height_width(self, images):
        h_axis, w_axis = self._spatial_axes()
        return images.shape[h_axis], images.shape[w_axis]

    def _per_image_shape(self, images):
        """The shape of a per-image random value that broadcasts over a batch of images."""
        return (images.shape[0], 1, 1, 1)

    def _apply_mask(self, images, seed):
        """[B] booleans: whether each image is transformed, with a probability itself drawn from `factor`."""
        shape = (images.shape[0],)
        probability = random.uniform(shape, self.factor[0], self.factor[1], seed=seed)
        return random.uniform(shape, seed=seed) < probability

    def _transform_value_range(self, images, original_range, target_range, dtype="float32"):
        if tuple(original_range) == tuple(target_range):
            return images
        images = ops.cast(images, dtype)
        unit = (images - original_range[0]) / (original_range[1] - original_range[0])
        return unit * (target_range[1] - target_range[0]) + target_range[0]

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = {**super().get_config(), "data_format": self.data_format}
        if self.bounding_box_format is not None:
            config["bounding_box_format"] = self.bounding_box_format
        return config
