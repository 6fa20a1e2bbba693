"""kerax.quantizers: Keras 3's quantization functions (abs-max int8/int4, float8 delayed scaling, int4
packing, fake quantization), the quantizer classes and the quantization configs of `model.quantize`."""
from kerax.quantizers.abs_max import AbsMaxQuantizer, abs_max_quantize
from kerax.quantizers.fake_quant import fake_quant_with_min_max_vars
from kerax.quantizers.grouped import abs_max_quantize_grouped_with_zero_point
from kerax.quantizers.float8 import compute_float8_amax_history, compute_float8_scale, quantize_and_dequantize
from kerax.quantizers.int4_packing import pack_int4, unpack_int4
from kerax.quantizers.quantization_config import (
    Float8QuantizationConfig, Int4QuantizationConfig, Int8QuantizationConfig, QuantizationConfig,
)
from kerax.quantizers.quantizer import Quantizer
from kerax.quantizers.unsupported import AWQConfig, GPTQConfig
from kerax.backend import naming
from kerax.serialization import registry as _registry

_CLASSES = {cls.__name__: cls for cls in (
    Quantizer, AbsMaxQuantizer, QuantizationConfig, Int8QuantizationConfig, Int4QuantizationConfig,
    Float8QuantizationConfig,
)}
_CLASSES.update({naming.to_snake_case(name): cls for name, cls in list(_CLASSES.items())})


def serialize(quantizer):
    return _registry.serialize(quantizer)


def deserialize(config, custom_objects=None):
    return _registry.deserialize(config, _CLASSES, "quantizer", custom_objects)


def get(identifier, **kwargs):
    """A quantizer from None, an instance, a config dict or a class name ("AbsMaxQuantizer" / snake case)."""
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        return deserialize(identifier)
    obj = _registry.lookup(identifier, _CLASSES) if isinstance(identifier, str) else identifier
    if isinstance(obj, type):
        return obj(**kwargs)
    if callable(obj):
        return obj
    raise ValueError(f"Could not interpret quantizer identifier: {identifier}")


__all__ = [
    "AWQConfig", "AbsMaxQuantizer", "Float8QuantizationConfig", "GPTQConfig", "Int4QuantizationConfig",
    "Int8QuantizationConfig", "QuantizationConfig", "Quantizer", "abs_max_quantize",
    "abs_max_quantize_grouped_with_zero_point",
    "compute_float8_amax_history", "compute_float8_scale", "deserialize", "fake_quant_with_min_max_vars",
    "get",
    "pack_int4", "quantize_and_dequantize", "serialize", "unpack_int4",
]
