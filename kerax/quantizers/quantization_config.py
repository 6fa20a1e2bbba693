"""Quantization configs: which weight / activation quantizers `model.quantize(config=...)` uses per mode."""
from kerax.quantizers.abs_max import AbsMaxQuantizer
from kerax.serialization import registry


class QuantizationConfig:
    def __init__(self, weight_quantizer=None, activation_quantizer=None):
        self.weight_quantizer = weight_quantizer
        self.activation_quantizer = activation_quantizer

    @property
    def mode(self):
        raise NotImplementedError("Subclasses must implement this property. Do not instantiate "
                                  "QuantizationConfig directly.")

    def get_config(self):
        return {"weight_quantizer": registry.serialize(self.weight_quantizer),
                "activation_quantizer": registry.serialize(self.activation_quantizer)}

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        for key in ("weight_quantizer", "activation_quantizer"):
            if isinstance(config.get(key), dict):
                config[key] = registry.deserialize(config[key], {"AbsMaxQuantizer": AbsMaxQuantizer},
                                                   "quantizer")
        return cls(**config)

    @staticmethod
    def weight_quantizer_or_default(config, default):
        if config is not None and config.weight_quantizer is not None:
            return config.weight_quantizer
        return default

    @staticmethod
    def activation_quantizer_or_default(config, default):
        return config.activation_quantizer if config is not None else default


class Int8QuantizationConfig(QuantizationConfig):
    """Default activation quantizer: per-row AbsMaxQuantizer (axis -1)."""

    def __init__(self, weight_quantizer=None, activation_quantizer="default"):
        if activation_quantizer == "default":
            activation_quantizer = AbsMaxQuantizer()
        super().__init__(weight_quantizer, activation_quantizer)
        if weight_quantizer is not None and weight_quantizer.output_dtype != "int8":
            raise ValueError("Int8QuantizationConfig requires a weight_quantizer with output_dtype='int8'. "
                             f"Received: output_dtype={weight_quantizer.output_dtype}")

    @property
    def mode(self):
        return "int8"


class Int4QuantizationConfig(QuantizationConfig):
    """`block_size` None or -1: one symmetric scale per output channel; a positive block size (the default,
    128): an asymmetric scale and zero point per group of `block_size` inputs and output channel."""

    def __init__(self, weight_quantizer=None, activation_quantizer="default", block_size=128):
        if activation_quantizer == "default":
            activation_quantizer = None
        super().__init__(weight_quantizer, activation_quantizer)
        if block_size is not None and block_size != -1 and block_size <= 0:
            raise ValueError("block_size must be None, -1, or a positive integer. "
                             f"Received: block_size={block_size}")
        self.block_size = block_size
        custom = weight_quantizer is not None or activation_quantizer is not None
        if block_size is not None and block_size > 0 and custom:
            raise ValueError("Int4 sub-channel quantization (block_size > 0) does not support custom "
                             "quantizers. Either set block_size to None or -1 for per-channel quantization, "
                             f"or remove the custom quantizer arguments. Received: block_size={block_size}")
        if weight_quantizer is not None and tuple(weight_quantizer.value_range) != (-8, 7):
            raise ValueError("Int4QuantizationConfig requires a weight_quantizer with value_range=(-8, 7). "
                             f"Received: value_range={weight_quantizer.value_range}")

    @property
    def mode(self):
        return "int4"

    def get_config(self):
        return {**super().get_config(), "block_size": self.block_size}


class Float8QuantizationConfig(QuantizationConfig):
    """Float8 training takes no custom quantizers."""

    def __init__(self):
        super().__init__(None, None)

    @property
    def mode(self):
        return "float8"

    def get_config(self):
        return {}
