"""MaxNumBoundingBoxes: the "bounding_boxes" of a batch ({"boxes": [B, N, 4], "labels": [B, N]}) cut or padded
with `fill_value` to exactly `max_number` boxes per image; images pass through unchanged."""
from kerax import ops
from kerax.layers.preprocessing.image.base_image_layer import BaseImagePreprocessingLayer


class MaxNumBoundingBoxes(BaseImagePreprocessingLayer):
    _USE_BASE_FACTOR = False

    def __init__(self, max_number, fill_value=-1, **kwargs):
        super().__init__(**kwargs)
        self.max_number, self.fill_value = int(max_number), int(fill_value)

    def call(self, data, training=True):
        if not isinstance(data, dict):
            return data
        out = dict(data)
        if "bounding_boxes" in data:
            extra = set(data["bounding_boxes"]) - {"boxes", "labels"}
            if extra:
                raise KeyError(f"There are unsupported keys in `bounding_boxes`: {sorted(extra)}. Only "
                               f"`boxes` and `labels` are supported.")
            out["bounding_boxes"] = {key: self._fit(ops.convert_to_tensor(value))
                                     for key, value in data["bounding_boxes"].items()}
        return out

    def _fit(self, values):
        values = values[:, :self.max_number]
        missing = self.max_number - values.shape[1]
        if missing > 0:
            widths = [(0, 0), (0, missing)] + [(0, 0)] * (len(values.shape) - 2)
            values = ops.pad(values, widths, constant_values=self.fill_value)
        return values

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "max_number": self.max_number}
