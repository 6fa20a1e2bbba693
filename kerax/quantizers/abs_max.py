"""Symmetric abs-max quantization: `scale = value_range[1] / (max|x| along axis + epsilon)`, the values
`clip(round(x * scale), *value_range)` cast to an integer dtype; dequantize with `q / scale`."""
import numpy as np

from kerax import ops
from kerax.backend import epsilon as _epsilon, standardize_dtype
from kerax.quantizers.quantizer import Quantizer


def abs_max_quantize(inputs, axis, value_range=(-127, 127), dtype="int8", epsilon=_epsilon(), to_numpy=False):
    """(quantized inputs, scale); `scale` keeps the reduced axes (size 1) and the input's dtype. With
    `to_numpy` the work is done on the host in NumPy (saves device memory while quantizing weights)."""
    low, high = value_range
    if to_numpy:
        source_dtype = standardize_dtype(inputs.dtype)
        x = np.asarray(ops.convert_to_numpy(inputs))
        scale = high / (np.max(np.abs(x), axis=axis, keepdims=True) + epsilon)
        q = np.clip(np.round(x * scale), low, high).astype(dtype)
        return ops.convert_to_tensor(q), ops.convert_to_tensor(scale, dtype=source_dtype)
    x = ops.convert_to_tensor(inputs)
    scale = ops.divide(high, ops.add(ops.max(ops.abs(x), axis=axis, keepdims=True), epsilon))
    scale = ops.cast(scale, x.dtype)
    q = ops.clip(ops.round(ops.multiply(x, scale)), low, high)
    return ops.cast(q, dtype), scale


class AbsMaxQuantizer(Quantizer):
    def __init__(self, axis=None, value_range=(-127, 127), epsilon=_epsilon(), output_dtype="int8"):
        super().__init__(output_dtype=output_dtype)
        self.axis = (axis,) if isinstance(axis, int) else (tuple(axis) if axis is not None else None)
        self.value_range = tuple(value_range)
        self.epsilon = epsilon
        if output_dtype == "int8" and (value_range[0] < -128 or value_range[1] > 127):
            raise ValueError("Quantizer with output_dtype='int8' requires value_range to be within the "
                             f"interval [-128, 127]. Received: value_range={value_range}")

    def __call__(self, x, axis=None, to_numpy=False):
        """(quantized x, scale), reducing over `axis` (else the constructor's axis, else -1)."""
        axis = axis if axis is not None else (self.axis if self.axis is not None else -1)
        return abs_max_quantize(x, axis, self.value_range, self.output_dtype, self.epsilon, to_numpy)

    def get_config(self):
        config = {"value_range": self.value_range, "epsilon": self.epsilon, "output_dtype": self.output_dtype}
        if self.axis is not None:
            config["axis"] = self.axis
        return config
